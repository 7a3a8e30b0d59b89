// Every GraphQL document the explorer sends, in one place: the explorer is a client of the
// public API (schema.graphql) and nothing else, so when the API's conventions change
// (enum spellings, connections) this is the one file to adapt.

export const SOURCE = `fragment Src on Source { id kind title date url publisher locator evidence synthetic }`;

export const NAME = `query Name($id: ID!) { node(id: $id) { id ... on Entity { name } } }`;

export const ENTITY_TYPES = ["PERSON", "UNIT", "HONOR", "STUDIO", "PROJECT", "VILLAGE", "REGION"];

export const FACT_TYPES = ["MENTORS", "WORKS_AT", "RECEIVED", "LEADS", "MEMBER_OF", "HOSTED_BY",
  "PARTICIPATES_IN", "SERVES", "ASSIGNED_TO", "LOCATED_IN", "PART_OF"];

// A connection of hits: each hit (SearchHit) holds its score, what it matched on and the entity.
// Unit.kind is a String and Region.kind a RegionKind: one response key cannot hold both, hence
// the aliases unitKind and regionKind (here and in ENTITY).
export const SEARCH = `query Search($q: String!, $types: [EntityType!], $first: Int) {
  search(q: $q, types: $types, first: $first) {
    totalCount
    nodes {
      score matchedOn
      node { __typename id name aliases
        ... on Person { region sector }
        ... on Unit { unitKind: kind region }
        ... on Honor { level }
        ... on Studio { level }
        ... on Region { regionKind: kind }
      }
    }
  }
}`;

const LINK = `type direction reading year role evidence sources { ...Src }
  node { __typename id name }`;

const MENTIONS = `mentions { evidence names spans
  source { __typename id }
  article { id title date url publisher }
  roster { id title path } }`;

export const ENTITY = `query Entity($id: ID!) {
  node(id: $id) {
    __typename id
    ... on Entity { name aliases links { ${LINK} } ${MENTIONS} }
    ... on Person {
      gender sector region
      honors { year evidence sources { ...Src } honor { id name level } }
      units { year role evidence sources { ...Src } unit { id name kind } }
      studios { type role year evidence sources { ...Src } studio { id name level } }
      projects { ${LINK} }
      villages { ${LINK} }
      mentors { since year evidence sources { ...Src } mentor { id name } }
      mentees { since year evidence sources { ...Src } mentee { id name } }
    }
    ... on Unit { unitKind: kind region }
    ... on Honor { level issuer recipientKind }
    ... on Studio { level }
    ... on Project { outcomes }
    ... on Region { regionKind: kind }
    ... on Article { title date url publisher
      mentioned { spans node { __typename id name } } }
    ... on Roster { title path rows
      mentioned { spans node { __typename id name } } }
  }
}
${SOURCE}`;

const GRAPH_NODE = `__typename id name`;
const GRAPH_EDGE = `type source target year evidence sources { ...Src }`;

export const NEIGHBORHOOD = `query Neighborhood($id: ID!, $depth: Int!, $limit: Int!, $exceptTypes: [FactType!]) {
  neighborhood(id: $id, depth: $depth, limit: $limit, exceptTypes: $exceptTypes) {
    truncated
    nodes { ${GRAPH_NODE} }
    edges { ${GRAPH_EDGE} }
  }
}
${SOURCE}`;

export const CONNECTION = `query Connection($from: ID!, $to: ID!, $maxHops: Int!, $exceptTypes: [FactType!]) {
  connection(from: $from, to: $to, maxHops: $maxHops, first: 5, exceptTypes: $exceptTypes) {
    reading
    nodes { ${GRAPH_NODE} }
    edges { ${GRAPH_EDGE} }
  }
}
${SOURCE}`;

// Names only: the cost limit counts every nested list; honors come after (PEOPLE_HONORS).
export const LINEAGE = `query Lineage($id: ID!, $depth: Int!) {
  person(id: $id) {
    id name
    mentors { mentor { id name } }
    lineage(depth: $depth) {
      person { id name }
      mentees { person { id name }
        mentees { person { id name }
          mentees { person { id name }
            mentees { person { id name }
              mentees { person { id name } } } } } }
    }
  }
}`;

export const PEOPLE_HONORS = `query PeopleHonors($ids: [ID!]!) {
  nodes(ids: $ids) { id ... on Person { honors { year honor { name level } } } }
}`;

export const LEADS = `query Leads($first: Int, $after: String, $kinds: [StoryLeadKind!], $region: String) {
  storyLeads(first: $first, after: $after, kinds: $kinds, region: $region) {
    totalCount hiddenCount
    pageInfo { hasNextPage endCursor }
    edges { node {
      id kind score headline summary whyNow
      scoreParts { name value detail }
      evidence { ...Src }
      subject { __typename id name }
      people { id name region honors { year honor { name level } } }
      units { id name }
      sources { ...Src }
    } }
  }
}
${SOURCE}`;

export const LEAD_KINDS = ["UNSUNG", "LINEAGE", "IMPACT", "ANNIVERSARY", "NEW_HONOR", "FAR_FROM_HOME", "BRIDGE"];

export const CANDIDATES = `query Candidates($status: CandidateStatus, $first: Int!) {
  duplicateCandidates(status: $status, first: $first) {
    totalCount
    edges { node { id type score kind decision status
      a { id name } b { id name }
      reasons { feature contribution detail } } }
  }
}`;

export const RECORD = `query Record($id: ID!) {
  node(id: $id) {
    __typename id
    ... on Entity { name aliases
      links { type direction reading year role evidence node { __typename id name } sources { ...Src } }
      mentions { evidence names article { id title date } roster { id title } } }
    ... on Person { gender sector region birthYear phone externalIds }
    ... on Unit { kind region }
  }
}
${SOURCE}`;

export const EXPLAIN = `query Explain($a: ID!, $b: ID!) {
  explainMatch(a: $a, b: $b) {
    score kind decision sameRecord
    a { id name } b { id name }
    reasons { feature contribution detail }
    judgements { id verdict note who at current }
    blockedBy { id verdict who at }
  }
}`;

// Mutations take one `input` and answer a payload: the result, null when refused, and the
// mistakes in the input (userErrors), which the screen shows (api.js: mutate).
const USER_ERRORS = `userErrors { field message code }`;

export const JUDGE = `mutation Judge($input: JudgeInput!) {
  judge(input: $input) { judgement { id verdict who at current } ${USER_ERRORS} }
}`;

export const MERGE = `mutation Merge($input: MergeInput!) {
  merge(input: $input) {
    outcome { mergeId survivor absorbed movedRelationships unitedRelationships conflicts { property values } }
    ${USER_ERRORS}
  }
}`;

export const UNMERGE = `mutation Unmerge($input: UnmergeInput!) {
  unmerge(input: $input) { outcome { mergeId survivor restored } ${USER_ERRORS} }
}`;

export const CHARTS = `query Charts {
  byYear: honorStats(by: [YEAR, LEVEL]) { awards people rows { year level awards people } }
  byRegion: honorStats(by: [REGION]) { rows { region awards people } }
  lines: mentorshipLines(first: 10) { nodes { founder { id name } depth breadth descendants honoredDescendants } }
  stats { people units honors studios projects villages regions articles rosters }
}`;
