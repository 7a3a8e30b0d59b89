// The peer of bench/api.py: @neo4j/graphql 7 on @apollo/server, with type definitions for
// the project's labels and relationships (docs/graph-model.md), over the same Neo4j.
// Started by the bench with NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD and PORT in the environment.
import { ApolloServer } from "@apollo/server";
import { startStandaloneServer } from "@apollo/server/standalone";
import { Neo4jGraphQL } from "@neo4j/graphql";
import neo4j from "neo4j-driver";

const typeDefs = /* GraphQL */ `
  type Fact @relationshipProperties {
    year: Int
    since: Int
    role: String
    evidence: [String!]
    sourceIds: [String!]
    locators: [String!]
  }

  type Mention @relationshipProperties {
    spans: [String!]
  }

  type Person @node(labels: ["Person", "Entity"]) {
    id: ID!
    name: String
    aliases: [String!]
    gender: String
    sector: String
    region: String
    sortKey: String
    mentors: [Person!]! @relationship(type: "MENTORS", direction: IN, properties: "Fact")
    mentees: [Person!]! @relationship(type: "MENTORS", direction: OUT, properties: "Fact")
    honors: [Honor!]! @relationship(type: "RECEIVED", direction: OUT, properties: "Fact")
    units: [Unit!]! @relationship(type: "WORKS_AT", direction: OUT, properties: "Fact")
    leads: [Studio!]! @relationship(type: "LEADS", direction: OUT, properties: "Fact")
    memberOf: [Studio!]! @relationship(type: "MEMBER_OF", direction: OUT, properties: "Fact")
    projects: [Project!]! @relationship(type: "PARTICIPATES_IN", direction: OUT, properties: "Fact")
    villages: [Village!]! @relationship(type: "SERVES", direction: OUT, properties: "Fact")
    assignedTo: [Region!]! @relationship(type: "ASSIGNED_TO", direction: OUT, properties: "Fact")
    articles: [Article!]! @relationship(type: "MENTIONS", direction: IN, properties: "Mention")
    rosters: [Roster!]! @relationship(type: "MENTIONS", direction: IN, properties: "Mention")
  }

  type Unit @node(labels: ["Unit", "Entity"]) {
    id: ID!
    name: String
    aliases: [String!]
    kind: String
    region: String
    people: [Person!]! @relationship(type: "WORKS_AT", direction: IN, properties: "Fact")
    honors: [Honor!]! @relationship(type: "RECEIVED", direction: OUT, properties: "Fact")
    parents: [Unit!]! @relationship(type: "PART_OF", direction: OUT, properties: "Fact")
    regions: [Region!]! @relationship(type: "LOCATED_IN", direction: OUT, properties: "Fact")
  }

  type Honor @node(labels: ["Honor", "Entity"]) {
    id: ID!
    name: String
    level: String
    recipients: [Person!]! @relationship(type: "RECEIVED", direction: IN, properties: "Fact")
  }

  type Studio @node(labels: ["Studio", "Entity"]) {
    id: ID!
    name: String
    leaders: [Person!]! @relationship(type: "LEADS", direction: IN, properties: "Fact")
  }

  type Project @node(labels: ["Project", "Entity"]) {
    id: ID!
    name: String
    outcomes: [String!]
    participants: [Person!]! @relationship(type: "PARTICIPATES_IN", direction: IN, properties: "Fact")
    villages: [Village!]! @relationship(type: "SERVES", direction: OUT, properties: "Fact")
  }

  type Village @node(labels: ["Village", "Entity"]) {
    id: ID!
    name: String
  }

  type Region @node(labels: ["Region", "Entity"]) {
    id: ID!
    name: String
    kind: String
    parents: [Region!]! @relationship(type: "PART_OF", direction: OUT, properties: "Fact")
  }

  type Article @node(labels: ["Article", "Source"]) {
    id: ID!
    title: String
    date: String
    publisher: String
  }

  type Roster @node(labels: ["Roster", "Source"]) {
    id: ID!
    title: String
  }

  type PathStep {
    id: ID
    name: String
  }

  type Query {
    "What the library cannot generate: a shortest path, written as a @cypher field."
    connection(from: ID!, to: ID!, maxHops: Int!): [[PathStep!]!]!
      @cypher(
        statement: """
        MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
        MATCH p = allShortestPaths((a)-[:MENTORS|WORKS_AT|RECEIVED|LEADS|MEMBER_OF|HOSTED_BY|PARTICIPATES_IN|SERVES|ASSIGNED_TO|LOCATED_IN|PART_OF*..6]-(b))
        WITH p LIMIT 3
        RETURN [n IN nodes(p) | {id: n.id, name: n.name}] AS steps
        """
        columnName: "steps"
      )
  }
`;

const driver = neo4j.driver(
  process.env.NEO4J_URI,
  neo4j.auth.basic(process.env.NEO4J_USER || "neo4j", process.env.NEO4J_PASSWORD),
);
const neoSchema = new Neo4jGraphQL({ typeDefs, driver });
const server = new ApolloServer({ schema: await neoSchema.getSchema() });
const { url } = await startStandaloneServer(server, { listen: { port: Number(process.env.PORT), host: "127.0.0.1" } });
console.log(`peer ready at ${url}`);
