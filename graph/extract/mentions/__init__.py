"""Mention finders: each proposes candidates of one kind (honors, projects, places, units,
persons, studios) onto the shared document; overlaps are settled later (resolve.py).
Finders run in a fixed order because later ones read what earlier ones found: a unit's
finder resolves 该县 against the places, a person's finder cuts a glued honor off a name."""
