import { describe, expect, it } from '@jest/globals'
import { UserError } from '../../src/util/errors.js'
import { encodePath, encodePathSegment } from '../../src/rules/encode.js'
import { mapPaths } from '../../src/rules/map.js'
import { globCompiler, pathSegments } from '../../src/rules/glob.js'
import { globBase } from '../../src/rules/parse.js'
import { rulesOf as parseRules } from '../fixtures.js'

const urlsOf = (rules: string, paths: string[]) =>
  mapPaths(paths, parseRules(rules)).targets.map((t) => `${t.type} ${t.url}`)

describe('encodePathSegment (browser-style, SPEC 3.2)', () => {
  it.each([
    ['hello world.html', 'hello%20world.html'],
    ['a#b', 'a%23b'],
    ['a?b', 'a%3Fb'],
    ['100%', '100%25'],
    ['line\nbreak', 'line%0Abreak'],
    ['tab\there', 'tab%09here'],
    ['café', 'caf%C3%A9'],
    ['日本', '%E6%97%A5%E6%9C%AC'],
    ['😀', '%F0%9F%98%80'],
    ['"<>`{}\\|^[]', '%22%3C%3E%60%7B%7D%5C%7C%5E%5B%5D'],
    ["-._~!$&'()*+,;=:@", "-._~!$&'()*+,;=:@"],
    ['::error::boom', '::error::boom'],
    ['\u007f', '%7F'],
    // A name that is not valid UTF-8: each stray byte arrives as U+DC80..U+DCFF and is
    // encoded as itself, so the URL names the file on disk.
    ['caf\udce9.html', 'caf%E9.html'],
    ['\udc80\udcff', '%80%FF'],
    // Lone surrogates outside that range are not bytes of a name: UTF-8's replacement.
    ['\udc7f', '%EF%BF%BD'],
    ['\udd00', '%EF%BF%BD'],
    ['a/b', 'a%2Fb']
  ])('%j becomes %s', (segment, expected) => {
    expect(encodePathSegment(segment)).toBe(expected)
  })

  it('keeps the slashes between segments', () => {
    expect(encodePath('a b/c#d/e')).toBe('a%20b/c%23d/e')
    expect(encodePath('docs/caf\udce9/')).toBe('docs/caf%E9/')
    expect(encodePath('plain/path-1.html')).toBe('plain/path-1.html')
  })
})

describe('globBase', () => {
  it.each([
    ['public/**/*.html', 'public/'],
    ['public/**', 'public/'],
    ['**/*.md', ''],
    ['content/posts/*.md', 'content/posts/'],
    ['public/index.html', 'public/'],
    ['index.html', ''],
    ['{a,b}/**', ''],
    ['site/[ab]/x', 'site/']
  ])('%s has base %j', (glob, base) => {
    expect(globBase(glob, globCompiler)).toBe(base)
  })
})

describe('mapping paths through rules (SPEC 3.1, 3.2)', () => {
  const SITE = [
    'public/**              => https://www.example.com/{path}',
    'public/**/index.html   => https://www.example.com/{dir}',
    'content/posts/*.md     => https://blog.example.com/posts/{stem}/',
    'public/assets/**       => directory https://cdn.example.com/assets/',
    '!public/**/*.map'
  ].join('\n')

  it('lets every matching rule contribute, in rule order', () => {
    expect(urlsOf(SITE, ['public/about/index.html'])).toEqual([
      'File https://www.example.com/about/index.html',
      'File https://www.example.com/about/'
    ])
  })

  it('fills every placeholder from the path below the base', () => {
    const rules = 'public/** => https://x.example/p={path}&d={dir}&n={name}&s={stem}&e={ext}'
    expect(urlsOf(rules, ['public/blog/hello world.html'])).toEqual([
      'File https://x.example/p=blog/hello%20world.html&d=blog/&n=hello%20world.html&s=hello%20world&e=.html'
    ])
    expect(urlsOf(rules, ['public/README'])).toEqual([
      'File https://x.example/p=README&d=&n=README&s=README&e='
    ])
    expect(urlsOf(rules, ['public/.htaccess'])).toEqual([
      'File https://x.example/p=.htaccess&d=&n=.htaccess&s=.htaccess&e='
    ])
    expect(urlsOf(rules, ['public/a.tar.gz'])).toEqual([
      'File https://x.example/p=a.tar.gz&d=&n=a.tar.gz&s=a.tar&e=.gz'
    ])
  })

  it('applies ! exclusions to every rule, wherever they stand', () => {
    const result = mapPaths(['public/app.js.map', 'public/app.js'], parseRules(SITE))
    expect(result.targets.map((t) => t.url)).toEqual(['https://www.example.com/app.js'])
    expect(result.excluded).toBe(1)
    const before = mapPaths(
      ['public/app.js.map'],
      parseRules('!**/*.map\npublic/** => https://a.example/{path}')
    )
    expect(before.targets).toEqual([])
  })

  it('matches dot files and counts rule hits and unmatched paths', () => {
    const result = mapPaths(
      ['public/.well-known/security.txt', 'src/main.ts', 'content/posts/hi.md'],
      parseRules(SITE)
    )
    expect(result.targets.map((t) => t.url)).toEqual([
      'https://www.example.com/.well-known/security.txt',
      'https://blog.example.com/posts/hi/'
    ])
    expect(result.hits.map((h) => h.paths)).toEqual([1, 0, 1, 0])
    expect(result.unmatched).toBe(1)
  })

  it('gives directory and ignore-params types', () => {
    expect(urlsOf(SITE, ['public/assets/logo.png'])).toEqual([
      'File https://www.example.com/assets/logo.png',
      'Directory https://cdn.example.com/assets/'
    ])
    expect(urlsOf('** => ignore-params https://a.example/{path}', ['x.js'])).toEqual([
      'IgnoreParams https://a.example/x.js'
    ])
  })

  it.each([
    ['public/a b.html', 'https://www.example.com/a%20b.html'],
    ['public/ünï.html', 'https://www.example.com/%C3%BCn%C3%AF.html'],
    ['public/a#b.html', 'https://www.example.com/a%23b.html'],
    ['public/a?b=c.html', 'https://www.example.com/a%3Fb=c.html'],
    ['public/100%.html', 'https://www.example.com/100%25.html'],
    ['public/new\nline.html', 'https://www.example.com/new%0Aline.html'],
    ['public/::add-mask::x', 'https://www.example.com/::add-mask::x'],
    ['public/-rf', 'https://www.example.com/-rf'],
    ['public/a\r\nhttps://evil.example/x', 'https://www.example.com/a%0D%0Ahttps://evil.example/x']
  ])('turns the odd name %j into exactly one URL', (path, url) => {
    const targets = mapPaths(
      [path],
      parseRules('public/** => https://www.example.com/{path}')
    ).targets
    expect(targets.map((t) => t.url)).toEqual([url])
    expect(url).not.toMatch(/[\s#]/)
  })

  it('refuses a rendered URL over 1,024 characters, naming the rule line', () => {
    const long = 'public/' + 'a'.repeat(1100)
    expect(() =>
      mapPaths([long], parseRules('# comment\npublic/** => https://a.example/{path}'))
    ).toThrow(/rules line 2/)
  })
})

describe('rule line errors name the line and quote it', () => {
  it.each([
    ['public/** https://a.example/{path}', /rules line 2 .*no '=>'/],
    [' => https://a.example/', /rules line 2 .*glob before '=>' is empty/],
    ['public/** =>', /rules line 2 .*no URL template/],
    [
      'public/** => folder https://a.example/',
      /rules line 2 .*unknown type 'folder'\. Use one of file, directory, ignore-params, tag\.$/
    ],
    ['public/** => regex https://a.example/', /rules line 2 .*unknown type 'regex'/],
    ['public/** => https://a.example/{file}', /rules line 2 .*unknown placeholder '\{file\}'/],
    ['public/** => ftp://a.example/{path}', /rules line 2 .*not an absolute http/],
    ['public/** => /relative/{path}', /rules line 2 .*not an absolute http/],
    ['public/** => https://*.example.com/{path}', /rules line 2 .*wildcard host/],
    ['public/** => https://user:pw@a.example/{path}', /rules line 2 .*user info/],
    ['public/** => https://a.example/{path}#top', /rules line 2 .*fragment/],
    ['public/** => https://{stem}.example.com/', /rules line 2 .*host/],
    ['!', /rules line 2 .*empty glob/],
    ['!a => https://a.example/', /rules line 2 .*exclusion/],
    ['a => file https://a.example/ extra', /rules line 2 .*expected/]
  ])('%j', (line, message) => {
    const rules = `# site rules\n${line}`
    expect(() => parseRules(rules)).toThrow(UserError)
    expect(() => parseRules(rules)).toThrow(message)
    expect(() => parseRules(rules)).toThrow(JSON.stringify(line.trim()))
  })

  it('ignores blank and comment lines and accepts CRLF', () => {
    const rules = parseRules('\r\n# a comment\r\n  \r\npublic/** => https://a.example/{path}\r\n')
    expect(rules.mappings).toHaveLength(1)
    expect(rules.mappings[0].line).toBe(4)
  })

  it('strips a leading ./ from globs', () => {
    expect(urlsOf('./public/** => https://a.example/{path}', ['public/x'])).toEqual([
      'File https://a.example/x'
    ])
  })

  it('reads globs from the repository root, however they are written', () => {
    for (const glob of ['././public/**', '/public/**', '//public/**', './/public/**'])
      expect(urlsOf(`${glob} => https://a.example/{path}`, ['public/x'])).toEqual([
        'File https://a.example/x'
      ])
    // A ./ inside a glob is not a leading one, and stays.
    expect(parseRules('a/./b/** => https://a.example/{path}').mappings[0].glob).toBe('a/./b/**')
    // An exclusion may have a space after its !, and is read the same way.
    const excluded = mapPaths(
      ['public/draft.html', 'public/x.html'],
      parseRules('!  ./public/draft.html\npublic/** => https://a.example/{path}')
    )
    expect(excluded.targets.map((t) => t.url)).toEqual(['https://a.example/x.html'])
  })
})

describe('compiled globs', () => {
  const globs = [
    'public/**',
    'public/**/*.html',
    '**/*.md',
    '*.txt',
    'a/*/c/**',
    'docs/{a,b}/**/index.html',
    '**/.well-known/*',
    'x/[ab]?.js',
    '**'
  ]
  const paths = [
    'public/index.html',
    'public/a/b/c.html',
    'public',
    'README.md',
    'docs/a/x/index.html',
    'docs/c/index.html',
    'a/b/c/d/e',
    'a/b/x/d',
    '.well-known/security.txt',
    'site/.well-known/x',
    'x/a1.js',
    'x/c1.js',
    'notes.txt',
    'dir/notes.txt',
    'ünï/a b.html'
  ]
  it.each(globs)('agrees with Minimatch.match for %s', (glob) => {
    const compiled = globCompiler.compile(glob)
    for (const path of paths)
      expect([path, compiled.matches(pathSegments(path))]).toEqual([
        path,
        compiled.minimatch.match(path)
      ])
  })
})
