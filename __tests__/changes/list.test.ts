// listChangedPaths against real git repositories: a depth-1 checkout fetches what it lacks.
import { afterAll, describe, expect, it } from '@jest/globals'
import { createGitRunner } from '../../src/changes/git.js'
import { listChangedPaths } from '../../src/changes/list.js'
import { Repos } from '../fakes/git-repos.js'

const repos = new Repos()
afterAll(() => repos.cleanup())

function sources(workspace: string) {
  const notes: string[] = []
  return {
    notes,
    sources: {
      workspace,
      git: createGitRunner(workspace, process.env),
      info: (m: string) => notes.push(m)
    }
  }
}

describe('listChangedPaths with local git', () => {
  const one = repos.commit('one', [{ write: 'a.html' }, { write: 'old name.html' }])
  repos.push()
  const two = repos.commit('two', [
    { write: 'a.html', content: 'changed' },
    { move: 'old name.html', to: 'dir/new name.html' },
    { write: 'ünï.html' }
  ])
  repos.push()

  it('lists both sides of a rename and odd names, from a depth-1 checkout', async () => {
    const { sources: s } = sources(repos.checkout(two))
    const listing = await listChangedPaths(s, { kind: 'diff', base: one, head: two, forced: false })
    expect(listing.source).toBe('local git')
    expect(listing.paths.sort()).toEqual([
      'a.html',
      'dir/new name.html',
      'old name.html',
      'ünï.html'
    ])
  })

  it("lists a new branch's head commit against its parent", async () => {
    const { sources: s } = sources(repos.checkout(two))
    const listing = await listChangedPaths(s, { kind: 'created', head: two, ref: 'refs/heads/x' })
    expect(listing.base).toBe(one)
    expect(listing.paths.sort()).toEqual([
      'a.html',
      'dir/new name.html',
      'old name.html',
      'ünï.html'
    ])
  })

  it('says why it passed over git when there is no checkout and no API', async () => {
    const { sources: s, notes } = sources('/nonexistent-workspace')
    await expect(
      listChangedPaths(s, { kind: 'diff', base: one, head: two, forced: false })
    ).rejects.toThrow(/no git checkout/)
    expect(notes).toEqual([])
  })
})
