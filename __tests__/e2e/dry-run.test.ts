import { describe, expect, it } from '@jest/globals'
import { errorLines, liveCommands, runAction, runtimes } from './harness.js'

const RULES = [
  '# the site',
  'public/**              => https://www.example.com/{path}',
  'public/**/index.html   => https://www.example.com/{dir}',
  'public/assets/**       => directory https://cdn.example.com/assets/',
  '!public/**/*.map'
].join('\n')

describe.each(runtimes())('dry run through dist/index.js on $name', (runtime) => {
  it('maps paths, adds urls, and reports the plan without credentials', async () => {
    const run = await runAction({
      runtime,
      inputs: {
        rules: RULES,
        paths:
          'public/about/index.html\npublic/blog/hello world.html\npublic/app.js.map\npublic/assets/logo.png\nsrc/main.ts',
        urls: 'https://www.example.com/\nregex https://www.example.com/img/.*\\.png\ndirectory https://cdn.example.com/fonts/',
        'dry-run': 'true'
      }
    })
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    expect(run.outputs.status).toBe('dry-run')
    expect(JSON.parse(run.outputs.urls)).toEqual([
      'https://www.example.com/about/index.html',
      'https://www.example.com/about/',
      'https://www.example.com/blog/hello%20world.html',
      'https://www.example.com/assets/logo.png',
      'https://www.example.com/'
    ])
    expect(JSON.parse(run.outputs.directories)).toEqual([
      'https://cdn.example.com/assets/',
      'https://cdn.example.com/fonts/'
    ])
    expect(run.outputs.count).toBe('8')
    expect(run.outputs['task-ids']).toBe('')
    expect(run.summary).toContain(
      '<h2>📝 DCDN dry run: 5 URLs, 2 directories and 1 regex on 2 hosts in 3 batches; nothing was sent</h2>'
    )
    expect(run.summary).toMatch(
      /<td>2<\/td><td>public\/\*\*\s+=&#62; https:\/\/www.example.com\/\{path\}<\/td><td>3<\/td>/
    )
    expect(run.summary).toContain(
      '<details><summary>5 URLs, 2 directories and 1 regex planned</summary>'
    )
    expect(run.summary).toContain('1 excluded by a ! rule, 1 matched no rule')
    expect(run.summary).toMatch(/<td>Regex<\/td><td>1<\/td>/)
  })
})

describe('dry run details', () => {
  it('prints hostile file names inertly and escapes them in the summary', async () => {
    const run = await runAction({
      inputs: {
        rules:
          'site/** => https://www.example.com/{path}\nsite/** => https://www.example.com/?f=&a<b>&{name}',
        paths:
          'site/::add-mask::x\nsite/::error::boom\nsite/-rf\nsite/<script>alert(1)</script>.html',
        'dry-run': 'true'
      }
    })
    expect(run.code).toBe(0)
    expect(liveCommands(run.stdout).filter((l) => !/^::(group|endgroup|debug)::/.test(l))).toEqual(
      []
    )
    expect(run.stdout).toContain('https://www.example.com/::error::boom')
    expect(run.summary).not.toContain('<script>')
    expect(run.summary).toContain('&#38;a&#60;b&#62;&#38;')
    expect(run.summary).toContain('%3Cscript%3Ealert(1)%3C/script%3E.html')
  })

  it('keeps the summary under 1 MiB and says when the list was cut', async () => {
    // An environment variable holds at most 128 KiB, so long URLs come from long templates.
    const paths = Array.from(
      { length: 900 },
      (_, i) => `p/${String(i).padStart(5, '0')}.html`
    ).join('\n')
    const rules = Array.from(
      { length: 10 },
      (_, r) => `p/** => https://h${r}.example/${'x'.repeat(900)}/{path}`
    ).join('\n')
    const run = await runAction({ inputs: { rules, paths, 'dry-run': 'true' } })
    expect(run.code).toBe(0)
    expect(Buffer.byteLength(run.summary)).toBeLessThan(1024 * 1024)
    expect(run.summary).toMatch(
      /Showing [\d,]+ of 9,000 objects: the summary is kept under GitHub's 1 MiB limit/
    )
    expect(run.outputs.count).toBe('9000')
    // 9000 URLs of ~930 bytes do not fit GitHub's 1 MB of outputs: the list is cut, with a warning.
    expect(JSON.parse(run.outputs.urls).length).toBeLessThan(9000)
    expect(run.stdout).toMatch(
      /::warning::The 'urls', 'directories' and 'stale-urls' outputs leave out [\d,]+ of 9,000/
    )
  })

  it('runs quietly without a summary file, as on a local run', async () => {
    const run = await runAction({
      noSummary: true,
      inputs: { urls: 'https://www.example.com/', 'dry-run': 'true' }
    })
    expect(run.code).toBe(0)
    expect(run.stdout).not.toMatch(/::(warning|error)/)
    expect(run.outputs.status).toBe('dry-run')
  })

  it('reports nothing-to-do when no rule matches', async () => {
    const run = await runAction({
      inputs: {
        rules: 'public/** => https://a.example/{path}',
        paths: 'docs/x.md',
        'dry-run': 'true'
      }
    })
    expect(run.code).toBe(0)
    expect(run.outputs.status).toBe('nothing-to-do')
    expect(run.outputs.count).toBe('0')
  })

  it('refuses a plan over max-objects before anything else', async () => {
    const run = await runAction({
      inputs: {
        urls: 'https://a.example/1\nhttps://a.example/2\nhttps://a.example/3',
        'max-objects': '2',
        collapse: 'off',
        'dry-run': 'true'
      }
    })
    expect(run.code).toBe(1)
    expect(errorLines(run).join('\n')).toMatch(/3 objects, more than max-objects \(2\)/)
  })

  const batchRows = (summary: string) =>
    [
      ...summary.matchAll(
        /<tr><td>([\d,]+)<\/td><td>File<\/td><td>([\d,]+)<\/td><td>([^<]*)<\/td>/g
      )
    ].map((r) => ({ count: Number(r[2].replace(/,/g, '')), hosts: r[3].split(', ') }))

  it('plans 1001 URLs on one host as batches of 1000 and 1', async () => {
    const urls = Array.from({ length: 1001 }, (_, i) => `https://a.example/${i}`).join('\n')
    const run = await runAction({
      inputs: { urls, 'dry-run': 'true', 'url-rate-per-domain': '2000' }
    })
    expect(run.code).toBe(0)
    expect(batchRows(run.summary).map((r) => r.count)).toEqual([1000, 1])
  })

  it('plans 12 hosts with at most 10 in any batch', async () => {
    const urls = Array.from({ length: 1001 }, (_, i) => `https://h${i % 12}.example/${i}`).join(
      '\n'
    )
    const run = await runAction({ inputs: { urls, 'dry-run': 'true' } })
    expect(run.code).toBe(0)
    const rows = batchRows(run.summary)
    expect(rows.reduce((n, r) => n + r.count, 0)).toBe(1001)
    for (const row of rows) {
      expect(row.hosts.length).toBeLessThanOrEqual(10)
      expect(row.count).toBeLessThanOrEqual(1000)
    }
    expect(new Set(rows.flatMap((r) => r.hosts)).size).toBe(12)
  })
})

describe('bad input fails with exit code 1, an ::error:: naming it, and no stack trace', () => {
  it.each([
    [{ rules: 'public/** https://a.example/{path}', paths: 'public/a' }, /rules line 1/],
    [
      { rules: '# c\npublic/** => https://a.example/{nope}', paths: 'public/a' },
      /rules line 2 .*\{nope\}/
    ],
    [
      { rules: 'public/** => bogus https://a.example/', paths: 'public/a' },
      /rules line 1 .*unknown type/
    ],
    [{ urls: 'https://a.example/\nhttps://*.example.com/x' }, /urls line 2 .*wildcard/],
    [{ urls: 'https://a.example/x', fallback: 'ftp://x' }, /fallback line 1/],
    [{ urls: 'https://a.example/x', 'dry-run': 'maybe' }, /Input 'dry-run'/],
    [
      { urls: 'https://a.example/x', 'max-urls-per-request': '5000' },
      /Input 'max-urls-per-request'/
    ],
    [{ urls: 'https://a.example/x', 'wait-timeout': 'soon' }, /Input 'wait-timeout'/],
    [{ urls: 'https://a.example/x', endpoint: 'http://example.com' }, /Input 'endpoint'/],
    [
      { urls: 'https://a.example/x', 'dry-run': 'true', preload: 'true' },
      /'preload' cannot be used with 'dry-run'/
    ],
    [{ paths: 'a.html' }, /'paths' needs 'rules'/],
    [
      { urls: 'https://a.example/x' },
      /No Alibaba Cloud credentials were found[\s\S]*role-arn[\s\S]*ALIBABA_CLOUD_ACCESS_KEY_ID/
    ]
  ])('%j', async (inputs, message) => {
    const run = await runAction({ inputs })
    expect(run.code).toBe(1)
    const errors = errorLines(run)
    expect(errors).toHaveLength(1)
    expect(errors[0]).toMatch(message)
    expect(run.stdout + run.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/)
  })
})
