import { describe, expect, it } from 'vitest'
import { distanceMeters, gcj02ToWgs84, inBounds, outOfChina, projection, validBounds, wgs84ToGcj02 } from './geo'

describe('wgs84ToGcj02', () => {
  it('shifts Tiananmen as Chinese base maps expect', () => {
    const g = wgs84ToGcj02(39.9087, 116.3975)
    expect(Math.abs(g.lat - 39.91011)).toBeLessThan(1e-4)
    expect(Math.abs(g.lng - 116.40374)).toBeLessThan(1e-4)
  })

  it('shifts Shanghai by the known few hundred metres', () => {
    // People's Square: WGS-84 31.2304, 121.4737 is GCJ-02 about 31.22840, 121.47814.
    const g = wgs84ToGcj02(31.2304, 121.4737)
    expect(Math.abs(g.lat - 31.2284)).toBeLessThan(2e-4)
    expect(Math.abs(g.lng - 121.47814)).toBeLessThan(2e-4)
    expect(distanceMeters({ lat: 31.2304, lng: 121.4737 }, g)).toBeGreaterThan(300)
    expect(distanceMeters({ lat: 31.2304, lng: 121.4737 }, g)).toBeLessThan(700)
  })

  it('leaves points outside China unchanged', () => {
    expect(outOfChina(51.5007, -0.1246)).toBe(true)
    expect(wgs84ToGcj02(51.5007, -0.1246)).toEqual({ lat: 51.5007, lng: -0.1246 })
    expect(wgs84ToGcj02(-33.8568, 151.2153)).toEqual({ lat: -33.8568, lng: 151.2153 })
    expect(outOfChina(39.9087, 116.3975)).toBe(false)
  })
})

describe('gcj02ToWgs84', () => {
  it('undoes the shift to within a centimetre', () => {
    for (const [lat, lng] of [
      [39.9087, 116.3975],
      [31.2304, 121.4737],
      [23.1291, 113.2644],
      [43.8171, 125.3235],
    ]) {
      const g = wgs84ToGcj02(lat, lng)
      const w = gcj02ToWgs84(g.lat, g.lng)
      expect(distanceMeters(w, { lat, lng })).toBeLessThan(0.01)
    }
  })

  it('leaves points outside China unchanged', () => {
    expect(gcj02ToWgs84(48.8584, 2.2945)).toEqual({ lat: 48.8584, lng: 2.2945 })
  })
})

describe('projection', () => {
  it('is the identity for WGS-84 tiles and for no coordinate system', () => {
    for (const p of [projection('wgs84'), projection(undefined)]) {
      expect(p.toMap({ lat: 39.9087, lng: 116.3975 })).toEqual({ lat: 39.9087, lng: 116.3975 })
      expect(p.fromMap({ lat: 39.9087, lng: 116.3975 })).toEqual({ lat: 39.9087, lng: 116.3975 })
    }
  })

  it('shifts to GCJ-02 for display and back for a tapped point', () => {
    const p = projection('gcj02')
    const shown = p.toMap({ lat: 39.9087, lng: 116.3975 })
    expect(Math.abs(shown.lat - 39.91011)).toBeLessThan(1e-4)
    const back = p.fromMap(shown)
    expect(Math.abs(back.lat - 39.9087)).toBeLessThan(1e-7)
    expect(Math.abs(back.lng - 116.3975)).toBeLessThan(1e-7)
  })
})

describe('distanceMeters', () => {
  it('measures short and long distances', () => {
    expect(distanceMeters({ lat: 30, lng: 120 }, { lat: 30, lng: 120 })).toBe(0)
    // One thousandth of a degree of latitude is about 111 m.
    expect(distanceMeters({ lat: 30, lng: 120 }, { lat: 30.001, lng: 120 })).toBeCloseTo(111.2, 0)
    // Beijing to Shanghai is about 1070 km.
    const d = distanceMeters({ lat: 39.9087, lng: 116.3975 }, { lat: 31.2304, lng: 121.4737 })
    expect(d / 1000).toBeGreaterThan(1050)
    expect(d / 1000).toBeLessThan(1090)
  })
})

describe('bounds', () => {
  const b = { minLat: 30, minLng: 120, maxLat: 31, maxLng: 121 }
  it('tells real boxes from unset ones', () => {
    expect(validBounds(b)).toBe(true)
    expect(validBounds({ minLat: 0, minLng: 0, maxLat: 0, maxLng: 0 })).toBe(false)
    expect(validBounds(null)).toBe(false)
  })
  it('tells whether a point lies inside', () => {
    expect(inBounds({ lat: 30.5, lng: 120.5 }, b)).toBe(true)
    expect(inBounds({ lat: 31.5, lng: 120.5 }, b)).toBe(false)
  })
})
