import type { Problem } from "./problems";

/*
 * Merges an app's Prisma schema extension into a Cal.com schema file (Cal.com keeps one file).
 * Text-level on purpose: the operator's diff is exactly the app's blocks plus the back-relation
 * lines, and the rest of a 3,000-line schema keeps its formatting. Running it twice changes nothing.
 */

export interface BackRelation {
  model: string;
  fields: string[];
}

const EXTEND_START = /^\/\/ extend (\w+) \{$/;
const EXTEND_FIELD = /^\/\/\s{2,}(\S.*)$/;

/** The `// extend Model { … }` comment blocks of an app schema: the fields Cal.com's models gain. */
export function readBackRelations(appSchema: string): BackRelation[] {
  const relations: BackRelation[] = [];
  let current: BackRelation | null = null;
  for (const line of appSchema.split("\n")) {
    const start = EXTEND_START.exec(line);
    if (start) {
      current = { model: start[1]!, fields: [] };
      relations.push(current);
    } else if (current && line === "// }") {
      current = null;
    } else if (current) {
      const field = EXTEND_FIELD.exec(line);
      if (field) current.fields.push(field[1]!.trim());
    }
  }
  return relations;
}

const normalize = (text: string) => text.replace(/\s+/g, " ").trim();
const fieldName = (fieldLine: string) => fieldLine.split(/\s+/)[0]!;
const isAttribute = (line: string) => line.startsWith("@@");
/** How an added line is reported: a field by its name, a block attribute by its text. */
export const memberName = (line: string) => (isAttribute(line) ? normalize(line) : fieldName(line));

/** Top-level blocks (`model X {…}`, `enum X {…}`), with their kind and name. */
function topLevelBlocks(schema: string): Array<{ kind: string; name: string; text: string }> {
  return [...schema.matchAll(/^(model|enum|view|type) (\w+) \{\n[\s\S]*?^\}$/gm)].map((match) => ({ kind: match[1]!, name: match[2]!, text: match[0] }));
}

export interface MergeResult {
  schema: string;
  addedFields: string[];
  addedBlocks: string[];
  problems: Problem[];
}

export function mergeAppSchema({ calcomSchema, appSchema, appSlug, appSchemaPath, schemaPath }: { calcomSchema: string; appSchema: string; appSlug: string; appSchemaPath: string; schemaPath: string }): MergeResult {
  let schema = calcomSchema;
  const problems: Problem[] = [];
  const addedFields: string[] = [];
  const addedBlocks: string[] = [];

  for (const relation of readBackRelations(appSchema)) {
    const block = topLevelBlocks(schema).find((b) => b.kind === "model" && b.name === relation.model);
    if (!block) {
      problems.push({ file: schemaPath, field: relation.model, message: `is not a model in this schema, but ${appSlug} needs back-relations on it` });
      continue;
    }
    const members = block.text
      .split("\n")
      .slice(1, -1)
      .map((line) => line.trim())
      .filter((line) => line && !line.startsWith("//"));
    const existing = new Map(members.filter((line) => !isAttribute(line)).map((line) => [fieldName(line), line]));
    // Block attributes (an app's @@index on a Cal.com model) have no name: the line is its identity.
    const existingAttributes = new Set(members.filter(isAttribute).map(normalize));
    const missing = relation.fields.filter((field) => {
      if (isAttribute(field)) return !existingAttributes.has(normalize(field));
      const present = existing.get(fieldName(field));
      if (present === undefined) return true;
      if (normalize(present) !== normalize(field)) {
        problems.push({ file: schemaPath, field: `${relation.model}.${fieldName(field)}`, message: `already exists as "${normalize(present)}"; ${appSlug} needs "${normalize(field)}"` });
      }
      return false;
    });
    if (missing.length === 0) continue;
    const lines = block.text.split("\n");
    const closing = lines.length - 1;
    const firstAttribute = lines.findIndex((line) => line.trim().startsWith("@@"));
    const insertAt = firstAttribute === -1 ? closing : firstAttribute;
    const before = lines.slice(0, insertAt);
    while (before.length > 1 && before.at(-1)!.trim() === "") before.pop();
    const separator = firstAttribute === -1 ? [] : [""];
    const merged = [...before, "", `  // app: ${appSlug}`, ...missing.map((field) => `  ${field}`), ...separator, ...lines.slice(insertAt)].join("\n");
    // A function replacement: "$" in the schema text must stay literal.
    schema = schema.replace(block.text, () => merged);
    addedFields.push(...missing.map((field) => `${relation.model}.${memberName(field)}`));
  }

  const targetBlocks = new Map(topLevelBlocks(schema).map((b) => [`${b.kind} ${b.name}`, b.text]));
  const appBlocks = topLevelBlocks(appSchema);
  const toAppend: string[] = [];
  for (const block of appBlocks) {
    const present = targetBlocks.get(`${block.kind} ${block.name}`);
    if (present === undefined) {
      toAppend.push(block.text);
      addedBlocks.push(`${block.kind} ${block.name}`);
    } else if (normalize(present) !== normalize(block.text)) {
      problems.push({ file: schemaPath, field: block.name, message: `already exists and differs from ${appSchemaPath}; merge it by hand` });
    }
  }
  if (toAppend.length > 0) {
    schema = `${schema.trimEnd()}\n\n// ---- app: ${appSlug} (from ${appSchemaPath}; merged by app-store merge-schema) ----\n\n${toAppend.join("\n\n")}\n`;
  }
  return { schema, addedFields, addedBlocks, problems };
}
