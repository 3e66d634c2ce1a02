export const LIVE_LIST_URL = '/packages/live/list/index'

export const liveRoomUrl = (roomId: string): string => `/packages/live/room/index?id=${encodeURIComponent(roomId)}`
