"""Fact families: each module turns the mentions of one sentence into the facts of one
kind of relationship, with the sentence as evidence. `sentence.py` runs them in a
fixed order, which is also the order of the facts in the output."""
