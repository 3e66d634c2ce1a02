import Taro from '@tarojs/taro'
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { call, errorMessage } from '../../api'
import { distanceMetres, type LatLng } from '../../core/pickup/distance'
import type { PickupStoreView } from '../../core/pickup/store'
import { locate } from '../../utils/locate'

export interface PickupStoreChoice extends PickupStoreView {
  /** Metres from the customer; null when their location is unknown. */
  distance: number | null
}

export interface PickupStores {
  status: 'loading' | 'error' | 'ready'
  message: string | null
  /** Nearest first when the customer's location is known, else in the shop's order. */
  stores: PickupStoreChoice[]
  chosen: PickupStoreChoice | null
  choose: (storeId: string) => void
  located: boolean
  reload: () => void
}

const LAST_STORE_KEY = 'siyu.pickupStore'

function lastStoreId(): string | null {
  try {
    const stored = Taro.getStorageSync(LAST_STORE_KEY) as unknown
    return typeof stored === 'string' && stored ? stored : null
  } catch {
    return null
  }
}

function withDistances(stores: PickupStoreView[], here: LatLng | null): PickupStoreChoice[] {
  const choices = stores.map((store) => ({ ...store, distance: here && store.location ? distanceMetres(here, store.location) : null }))
  if (!here) return choices
  return [...choices].sort((a, b) => (a.distance ?? Infinity) - (b.distance ?? Infinity))
}

/**
 * The stores that take pickups and the customer's choice among them: the
 * store they chose last time, else the nearest, else the shop's first. The
 * stores and the customer's location are asked for once, when `active`
 * (pickup is on screen) first holds. A choice is remembered.
 */
export function usePickupStores(active = true): PickupStores {
  const [loaded, setLoaded] = useState<{ status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; stores: PickupStoreView[] }>({
    status: 'loading',
  })
  const [here, setHere] = useState<LatLng | null>(null)
  const [chosenId, setChosenId] = useState<string | null>(null)
  const chosenByCustomer = useRef(false)
  const askedWhere = useRef(false)
  const generation = useRef(0)

  const reload = useCallback(() => {
    const mine = ++generation.current
    setLoaded({ status: 'loading' })
    call('catalog', 'pickupStores', {})
      .then(({ stores }) => mine === generation.current && setLoaded({ status: 'ready', stores }))
      .catch((error: unknown) => mine === generation.current && setLoaded({ status: 'error', message: errorMessage(error) }))
  }, [])

  // Nothing is asked for until pickup is offered on screen: then the stores, and the location once.
  useEffect(() => {
    if (!active || askedWhere.current) return
    askedWhere.current = true
    reload()
    void locate().then(setHere)
  }, [active, reload])

  const stores = useMemo(() => (loaded.status === 'ready' ? withDistances(loaded.stores, here) : []), [loaded, here])

  useEffect(() => {
    if (stores.length === 0) return
    if (chosenByCustomer.current && stores.some((s) => s.storeId === chosenId)) return
    const last = lastStoreId()
    const remembered = last ? stores.find((s) => s.storeId === last) : undefined
    // `stores` is nearest first once located.
    setChosenId((remembered ?? stores[0]).storeId)
  }, [stores, chosenId])

  const choose = useCallback((storeId: string) => {
    chosenByCustomer.current = true
    setChosenId(storeId)
    try {
      Taro.setStorageSync(LAST_STORE_KEY, storeId)
    } catch {
      // Not remembered: chosen again next time.
    }
  }, [])

  return {
    status: loaded.status,
    message: loaded.status === 'error' ? loaded.message : null,
    stores,
    chosen: stores.find((s) => s.storeId === chosenId) ?? null,
    choose,
    located: here !== null,
    reload,
  }
}
