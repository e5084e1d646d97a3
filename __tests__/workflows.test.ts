// The workflow examples in the README and .github/workflows are valid for GitHub's own workflow
// language service, with this action's inputs checked against action.yml: a renamed input can
// never leave an example stale.
import { describe, expect, it } from '@jest/globals'
import { validate } from '@actions/languageservice'
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { TextDocument } from 'vscode-languageserver-textdocument'
import { parse } from 'yaml'
import { ROOT } from './e2e/harness.js'

interface Metadata {
  name: string
  description: string
  inputs: Record<string, { description: string; required?: boolean; default?: string }>
  outputs: Record<string, { description: string }>
}
const actionYml = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as Metadata
const SELF = ['your-org/dcdn-refresh-action', './']

let documents = 0
async function diagnostics(text: string, metadata: Metadata = actionYml) {
  // A name of its own for each document: the language service keeps what it parsed by name.
  const uri = `file:///repo/.github/workflows/example-${++documents}.yml`
  const document = TextDocument.create(uri, 'yaml', 1, text)
  const found = await validate(document, {
    actionsMetadataProvider: {
      fetchActionMetadata: async (ref) => {
        const id = ref.owner === '.' || ref.path === '.' ? './' : `${ref.owner}/${ref.name}`
        return SELF.includes(id) ? metadata : undefined
      }
    }
  })
  const messages = found.map((d) => ({
    line: d.range.start.line + 1,
    text: typeof d.message === 'string' ? d.message : d.message.value
  }))
  return (
    messages
      // Other owners' actions cannot be fetched here (no network); only ours is checked.
      .filter((m) => !/^Unable to resolve action `(?!your-org\/dcdn-refresh-action)/.test(m.text))
      .map((m) => `line ${m.line}: ${m.text}`)
  )
}

const readme = readFileSync(join(ROOT, 'README.md'), 'utf8')
const examples = [...readme.matchAll(/```yaml\n([\s\S]*?)```/g)]
  .map((m) => m[1])
  .filter((y) => /^jobs:/m.test(y))
const workflowDir = join(ROOT, '.github', 'workflows')
const workflows = readdirSync(workflowDir).map(
  (f) => [f, readFileSync(join(workflowDir, f), 'utf8')] as const
)

describe('workflow examples', () => {
  it('the README has an example for each way of use', () => {
    expect(examples.length).toBeGreaterThanOrEqual(8)
  })

  it.each(examples.map((text) => [/^name: (.*)$/m.exec(text)?.[1] ?? '?', text]))(
    'README: %s',
    async (_name, text) => {
      expect(await diagnostics(text)).toEqual([])
    }
  )

  it.each(workflows)('.github/workflows/%s', async (_name, text) => {
    expect(await diagnostics(text)).toEqual([])
  })

  it('catches an input that action.yml no longer has', async () => {
    const renamed = { ...actionYml, inputs: { ...actionYml.inputs } }
    delete renamed.inputs['output-dir']
    const builtSite = examples.find((e) => e.includes('output-dir'))!
    expect(await diagnostics(builtSite, renamed)).toEqual([
      expect.stringMatching(/Invalid action input 'output-dir'/)
    ])
  })
})

describe('the README in step with action.yml', () => {
  const section = (from: string, to: string) =>
    readme.slice(readme.indexOf(from), readme.indexOf(to))
  const named = (text: string) =>
    new Set(
      [...text.matchAll(/^\| ([^|]+) \|/gm)].flatMap((m) =>
        [...m[1].matchAll(/`([a-z-]+)`/g)].map((n) => n[1])
      )
    )

  it('lists every input, and no input that action.yml lacks', () => {
    const listed = named(section('## Inputs', '## Outputs'))
    expect([...listed].sort()).toEqual(Object.keys(actionYml.inputs).sort())
  })

  it('lists every output, and no other', () => {
    const listed = named(section('## Outputs', '## Authentication'))
    expect([...listed].sort()).toEqual(Object.keys(actionYml.outputs).sort())
  })
})
