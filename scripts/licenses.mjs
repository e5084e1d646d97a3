// Writes dist/licenses.txt from ncc's module stats: every package in every chunk ncc emitted, with
// its license and license text. ncc's own --license output leaves out packages of the main chunk
// once dynamic import() splits the bundle into chunks.
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

const [statsFile, outFile] = process.argv.slice(2)
const stats = JSON.parse(readFileSync(statsFile, 'utf8'))
const packageDirs = new Set()
const walk = (modules) => {
  for (const module of modules ?? []) {
    const name = module.name ?? module.identifier ?? ''
    const match = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(name.replace(/^\.\//, ''))
    if (match) packageDirs.add(match[1].replace(/^.*?(node_modules\/)/, '$1'))
    walk(module.modules)
  }
}
walk(stats.modules)

const entries = [...packageDirs]
  .map((dir) => {
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'))
    const file = readdirSync(dir).find((f) => /^(licen[cs]e|copying)(\.|$)/i.test(f))
    const text = file ? readFileSync(join(dir, file), 'utf8').trim() : ''
    return { name: pkg.name, license: pkg.license ?? 'UNKNOWN', text }
  })
  .filter((entry, index, all) => all.findIndex((e) => e.name === entry.name) === index)
  .sort((a, b) => (a.name < b.name ? -1 : 1))

const missing = entries.filter((e) => !existsSync(`node_modules/${e.name}`)).map((e) => e.name)
if (missing.length > 0)
  console.error(`licenses: not found at the top of node_modules: ${missing.join(', ')}`)
writeFileSync(outFile, entries.map((e) => `${e.name}\n${e.license}\n${e.text}\n`).join('\n'))
console.log(`licenses: ${entries.length} packages`)
