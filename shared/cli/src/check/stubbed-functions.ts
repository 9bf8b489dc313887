import ts from 'typescript'

/** A function the stub leaves to the learner, and where the reference implements it. */
export interface StubbedFunction {
  /** `causedBy`, `EventBus.publish`, `PostgresEventStore.constructor`, `get Cart.total`. */
  readonly name: string
  /** The reference file with this function's body replaced by the stub's. */
  readonly stubbedReference?: string
  /** Why there is nothing to swap: the reference holds the value in a field instead. */
  readonly notSwept?: string
}

/** A stubbed function that has no single counterpart in the reference. */
export class UnmatchedStubError extends Error {
  override readonly name = 'UnmatchedStubError'
  constructor(
    readonly file: string,
    readonly functionName: string,
    readonly found: number,
  ) {
    super(
      found === 0
        ? `${file}: the reference has no function ${functionName}`
        : `${file}: the reference has ${found} functions named ${functionName}; cannot tell which one the stub stands for`,
    )
  }
}

const MARKER = 'NotImplementedError'

type FunctionWithBody = ts.FunctionLikeDeclaration & { body: ts.ConciseBody }

const hasBody = (node: ts.Node): node is FunctionWithBody =>
  ts.isFunctionLike(node) && 'body' in node && node.body !== undefined

function propertyName(name: ts.PropertyName): string {
  return ts.isIdentifier(name) ||
    ts.isPrivateIdentifier(name) ||
    ts.isStringLiteralLike(name) ||
    ts.isNumericLiteral(name)
    ? name.text
    : name.getText()
}

/** The part of a function's qualified name a node contributes, if any. */
function segment(node: ts.Node): string | undefined {
  if (
    (ts.isClassDeclaration(node) || ts.isClassExpression(node) || ts.isFunctionDeclaration(node)) &&
    node.name
  )
    return node.name.text
  if (ts.isConstructorDeclaration(node)) return 'constructor'
  if (ts.isGetAccessorDeclaration(node)) return `get ${propertyName(node.name)}`
  if (ts.isSetAccessorDeclaration(node)) return `set ${propertyName(node.name)}`
  if (ts.isMethodDeclaration(node) || ts.isPropertyDeclaration(node) || ts.isPropertyAssignment(node))
    return propertyName(node.name)
  // A variable names what it holds only when it holds a function or class: `const factory = {
  // event() {} }` and `return { event() {} }` both give `event`.
  if (
    ts.isVariableDeclaration(node) &&
    ts.isIdentifier(node.name) &&
    node.initializer &&
    (ts.isArrowFunction(node.initializer) ||
      ts.isFunctionExpression(node.initializer) ||
      ts.isClassExpression(node.initializer))
  )
    return node.name.text
  return undefined
}

/** Declared with a name (a method, `function f`, `const f = () => ...`), not a callback. */
function isNamed(fn: FunctionWithBody): boolean {
  if (segment(fn) !== undefined) return true
  const parent = fn.parent
  return (
    (ts.isVariableDeclaration(parent) ||
      ts.isPropertyAssignment(parent) ||
      ts.isPropertyDeclaration(parent)) &&
    parent.initializer === fn
  )
}

function qualifiedName(node: ts.Node): string {
  const parts: string[] = []
  for (let n: ts.Node | undefined = node; n && !ts.isSourceFile(n); n = n.parent) {
    const part = segment(n)
    if (part !== undefined) parts.unshift(part)
  }
  return parts.join('.')
}

function functionsOf(source: ts.SourceFile): FunctionWithBody[] {
  const found: FunctionWithBody[] = []
  const visit = (node: ts.Node) => {
    if (hasBody(node) && isNamed(node)) found.push(node)
    ts.forEachChild(node, visit)
  }
  visit(source)
  return found
}

/** Qualified names of the class fields, for a stub getter the reference made a field. */
function fieldNames(source: ts.SourceFile): Set<string> {
  const names = new Set<string>()
  const visit = (node: ts.Node) => {
    if (ts.isPropertyDeclaration(node)) names.add(qualifiedName(node))
    ts.forEachChild(node, visit)
  }
  visit(source)
  return names
}

const parse = (file: string, text: string) => ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true)

/**
 * For every function the stub leaves to the learner (its body mentions NotImplementedError, and no
 * function inside it does), the reference file with that one body swapped for the stub's. Each is
 * a mutant that the specs must catch: a function no spec needs is a step no spec checks.
 */
export function stubbedFunctions(file: string, stubText: string, referenceText: string): StubbedFunction[] {
  const stub = parse(file, stubText)
  const reference = parse(file, referenceText)
  const stubbed = functionsOf(stub).filter(
    (fn) =>
      fn.body.getText(stub).includes(MARKER) &&
      !functionsOf(stub).some(
        (inner) =>
          inner !== fn &&
          inner.pos >= fn.body.pos &&
          inner.end <= fn.body.end &&
          inner.body.getText(stub).includes(MARKER),
      ),
  )
  const referenceFunctions = functionsOf(reference)
  const imported = new RegExp(`import\\s*\\{[^}]*\\b${MARKER}\\b`).test(referenceText)
  const constructs = new RegExp(`\\bnew\\s+${MARKER}\\b`)
  return stubbed.map((fn) => {
    const name = qualifiedName(fn)
    const matches = referenceFunctions.filter((candidate) => qualifiedName(candidate) === name)
    const field = name.replace(/(^|\.)get (\S+)$/, '$1$2')
    if (matches.length === 0 && field !== name && fieldNames(reference).has(field))
      return { name, notSwept: 'the reference holds it in a field, set where its work is done' }
    const [target] = matches
    if (matches.length !== 1 || target === undefined) throw new UnmatchedStubError(file, name, matches.length)
    const start = target.body.getStart(reference)
    const swapped = `${referenceText.slice(0, start)}${fn.body.getText(stub)}${referenceText.slice(target.body.getEnd())}`
    const importLine =
      imported || !constructs.test(fn.body.getText(stub)) ? '' : `import { ${MARKER} } from '@eda/testkit'\n`
    return { name, stubbedReference: importLine + swapped }
  })
}
