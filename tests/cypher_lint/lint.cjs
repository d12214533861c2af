// Lint Cypher with Neo4j's own front end (@neo4j-cypher/language-support: the parser
// and the semantic analysis compiled from Neo4j's Java code), for tests/cypher_lint.
//
// Reads JSON Lines on stdin and answers each line with one JSON line on stdout:
//   {"schema": {labels, relationshipTypes, propertyKeys}}
//       -> {"functions": N, "procedures": N, "versions": [...]}
//   {"query": TEXT, "parameters": {name: value}, "console": false}
//       -> {"diagnostics": [{version, severity, message, line, column, offset}]}
// Every query is checked once per Cypher version ("CYPHER 5", "CYPHER 25"), chosen with
// the dbSchema option defaultLanguage. "console": true lets Browser commands
// (:param …;) stand in the text, as in a saved Browser query.
//
// Functions and procedures: the package ships the SHOW FUNCTIONS / SHOW PROCEDURES
// answer of a Neo4j server (testData.mockSchema); only the built-in functions and the
// db.* / dbms.* / tx.* procedures are kept (the compose file's Neo4j has no plugins), so
// a call to anything else is an error.
'use strict';

const readline = require('node:readline');
const ls = require('@neo4j-cypher/language-support');

const VERSIONS = ['CYPHER 5', 'CYPHER 25'];
const SEVERITY = { 1: 'error', 2: 'warning', 3: 'information', 4: 'hint' };
const BUILT_IN_PROCEDURE = /^(db|dbms|tx)\./;

function registries() {
  const mock = ls.testData.mockSchema;
  const functions = {};
  const procedures = {};
  for (const version of VERSIONS) {
    functions[version] = Object.fromEntries(
      Object.entries(mock.functions[version] || {}).filter(([, f]) => f.isBuiltIn));
    procedures[version] = Object.fromEntries(
      Object.entries(mock.procedures[version] || {}).filter(([name]) => BUILT_IN_PROCEDURE.test(name)));
  }
  return { functions, procedures };
}

const { functions, procedures } = registries();
let base = { labels: [], relationshipTypes: [], propertyKeys: [] };

function lint(request) {
  const diagnostics = [];
  for (const version of VERSIONS) {
    const dbSchema = {
      ...base,
      functions,
      procedures,
      parameters: request.parameters || {},
      defaultLanguage: version,
    };
    for (const d of ls.lintCypherQuery(request.query, dbSchema, Boolean(request.console))) {
      diagnostics.push({
        version,
        severity: SEVERITY[d.severity] || String(d.severity),
        message: d.message,
        line: d.range.start.line + 1,
        column: d.range.start.character + 1,
        offset: d.offsets ? d.offsets.start : null,
      });
    }
  }
  return { diagnostics };
}

const input = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
input.on('line', (line) => {
  if (!line.trim()) return;
  let answer;
  try {
    const request = JSON.parse(line);
    if (request.schema) {
      base = {
        labels: request.schema.labels || [],
        relationshipTypes: request.schema.relationshipTypes || [],
        propertyKeys: request.schema.propertyKeys || [],
      };
      answer = {
        functions: Object.keys(functions[VERSIONS[0]]).length,
        procedures: Object.keys(procedures[VERSIONS[0]]).length,
        versions: VERSIONS,
      };
    } else {
      answer = lint(request);
    }
  } catch (error) {
    answer = { failure: String(error && error.stack ? error.stack : error) };
  }
  process.stdout.write(JSON.stringify(answer) + '\n');
});
