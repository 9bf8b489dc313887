import { describe, expect, it } from 'vitest'
import { type StoredEvent, UnknownEventVersionError, upcast } from '#impl'
import { frozen } from './support/rides.ts'

const v1: StoredEvent = {
  type: 'RideRequested',
  version: 1,
  data: { rideId: 'ride-1', riderId: 'rider-1', pickup: '38.7107,-9.1366', dropoff: ' 38.6979 , -9.2063 ' },
}

describe('step 1: the ride event catalog and an upcaster for RideRequested v1', () => {
  it('turns a v1 RideRequested ("lat,lng" strings) into v2 with { lat, lng } objects', () => {
    expect(upcast(frozen(structuredClone(v1)))).toEqual({
      type: 'RideRequested',
      version: 2,
      data: {
        rideId: 'ride-1',
        riderId: 'rider-1',
        pickup: { lat: 38.7107, lng: -9.1366 },
        dropoff: { lat: 38.6979, lng: -9.2063 },
      },
    })
  })

  it('keeps the v1 fields it does not convert, and leaves the stored event as it was', () => {
    const stored = structuredClone({ ...v1, data: { ...v1.data, note: 'from the 2019 app' } })
    const before = structuredClone(stored)
    const upcast1 = upcast(stored)
    expect(upcast1.data).toMatchObject({ note: 'from the 2019 app', rideId: 'ride-1' })
    expect(stored).toEqual(before)
  })

  it('passes every event already at its current version through with equal data', () => {
    const current = frozen<StoredEvent>({
      type: 'RideRequested',
      version: 2,
      data: { rideId: 'r', riderId: 'p', pickup: { lat: 1, lng: 2 }, dropoff: { lat: 3, lng: 4 } },
    })
    expect(upcast(current)).toEqual(current)
    const accepted = frozen<StoredEvent>({
      type: 'DriverAcceptedRide',
      version: 1,
      data: { rideId: 'r', driverId: 'd' },
    })
    expect(upcast(accepted)).toEqual(accepted)
  })

  it('rejects a version from the future, an unknown type, and a v1 pickup that is not "lat,lng"', () => {
    expect(() => upcast({ type: 'RideRequested', version: 3, data: {} })).toThrow(UnknownEventVersionError)
    expect(() => upcast({ type: 'DriverAcceptedRide', version: 2, data: {} })).toThrow(
      UnknownEventVersionError,
    )
    expect(() => upcast({ type: 'RideTeleported', version: 1, data: {} })).toThrow(UnknownEventVersionError)
    expect(() => upcast({ ...v1, data: { ...v1.data, pickup: 'Baixa, Lisbon' } })).toThrow(
      UnknownEventVersionError,
    )
    expect(() => upcast({ ...v1, data: { ...v1.data, pickup: '38.7,-9.1,0' } })).toThrow(
      UnknownEventVersionError,
    )
  })
})
