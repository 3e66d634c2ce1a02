/** @jest-environment jsdom */
import { afterEach, beforeEach, describe, expect, jest, test } from '@jest/globals'
import { setTransport } from '../../../src/api'
import { defaultTransport } from '../../../src/api/transport'
import { acceptInvite, bindPendingInvite, inviteCodeOf, lastInviteOutcome, noteShareOpen, withSharer } from '../../../src/utils/invite'
import { createFakeTransport, fail } from '../../mocks/fake-transport'
import { restoreStorageMocks, useMemoryStorage } from '../../mocks/memory-storage'

/** The app's side of invites and share cards (src/utils/invite). */
describe('utils/invite', () => {
  let storage: Record<string, string>
  beforeEach(() => {
    storage = useMemoryStorage()
  })
  afterEach(() => {
    restoreStorageMocks()
    setTransport(defaultTransport)
  })

  test('reads the code from invite= or a mini-program code’s scene', () => {
    expect(inviteCodeOf({ invite: 'ABCD1234' })).toBe('ABCD1234')
    expect(inviteCodeOf({ scene: encodeURIComponent('ABCD1234') })).toBe('ABCD1234')
    expect(inviteCodeOf({ scene: '%E0%A4%A' })).toBeNull()
    expect(inviteCodeOf({})).toBeNull()
    expect(inviteCodeOf(undefined)).toBeNull()
  })

  test('binds the kept code once; the outcome is kept, the code dropped; a refusal is final', async () => {
    const fake = createFakeTransport({ 'growth.bindInvite': () => ({ bound: true, inviter: '张**', boundNow: true }) })
    setTransport(fake.transport)
    const [a, b] = await Promise.all([acceptInvite('ABCD1234'), bindPendingInvite()])
    expect(a).toEqual({ kind: 'bound', view: { bound: true, inviter: '张**', boundNow: true } })
    expect(b).toEqual(a)
    expect(fake.calls.filter((c) => c.action === 'bindInvite')).toHaveLength(1)
    expect(storage['siyu.invite.pending']).toBeUndefined()
    expect(await bindPendingInvite()).toEqual(a)
    expect(fake.calls).toHaveLength(1)

    setTransport(createFakeTransport({ 'growth.bindInvite': () => { throw fail('INVITE_ALREADY_BOUND', '你已接受过其他好友的邀请') } }).transport)
    expect(await acceptInvite('ZZZZ1111')).toEqual({ kind: 'refused', code: 'INVITE_ALREADY_BOUND', message: '你已接受过其他好友的邀请' })
    expect(lastInviteOutcome()).toMatchObject({ kind: 'refused' })
    expect(storage['siyu.invite.pending']).toBeUndefined()
  })

  test('reports a share card’s open for the pages that carry sharer=, and adds the own code to cards', async () => {
    const fake = createFakeTransport({ 'growth.openShare': () => ({ recorded: true }) })
    setTransport(fake.transport)
    noteShareOpen('/pages/product/index', { id: 'p-tea', sharer: 'ABCD1234' })
    noteShareOpen('packages/groupbuy/group/index', { id: 'g1', sharer: 'ABCD1234' })
    noteShareOpen('/pages/cart/index', { sharer: 'ABCD1234' })
    noteShareOpen('/pages/product/index', { id: 'p-tea' })
    await new Promise((done) => setTimeout(done, 0))
    expect(fake.calls.map((c) => c.data)).toEqual([
      { sharer: 'ABCD1234', kind: 'product', targetId: 'p-tea' },
      { sharer: 'ABCD1234', kind: 'groupbuy', targetId: 'g1' },
    ])

    expect(withSharer('/pages/product/index?id=p1')).toBe('/pages/product/index?id=p1')
    storage['siyu.share.code'] = 'MYCODE12'
    expect(withSharer('/pages/product/index?id=p1')).toBe('/pages/product/index?id=p1&sharer=MYCODE12')
    expect(withSharer('/packages/x/index')).toBe('/packages/x/index?sharer=MYCODE12')
  })
})
