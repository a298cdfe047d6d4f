import { describe, expect, it } from 'vitest'
import type { Scope } from '@/api/types'
import { distinctVertices, editableVertices, jurisdictionColors, mayOutline, outlinePalette, polygonOf, polygonsOf, subtreePrefix } from './outline'

const a = { lat: 35.69, lng: 105.04 }
const b = { lat: 35.69, lng: 105.06 }
const c = { lat: 35.71, lng: 105.06 }
const d = { lat: 35.71, lng: 105.04 }

describe('polygonOf', () => {
  it('closes the ring in GeoJSON order, longitude first', () => {
    expect(polygonOf([a, b, c, d])).toEqual({
      type: 'Polygon',
      coordinates: [[[105.04, 35.69], [105.06, 35.69], [105.06, 35.71], [105.04, 35.71], [105.04, 35.69]]],
    })
  })

  it('is null below three distinct corners', () => {
    expect(polygonOf([])).toBeNull()
    expect(polygonOf([a, b])).toBeNull()
    expect(polygonOf([a, b, b])).toBeNull() // a double-click on the second point
    expect(polygonOf([a, b, a])).toBeNull() // closed by hand: still two corners
  })

  it('drops the double-click repeat and a ring closed by hand', () => {
    expect(polygonOf([a, b, c, c, a])?.coordinates[0]).toHaveLength(4)
  })

  it('keeps six decimals', () => {
    const p = polygonOf([{ lat: 35.123456789, lng: 105.987654321 }, b, c])
    expect(p?.coordinates[0][0]).toEqual([105.987654, 35.123457])
  })
})

describe('distinctVertices', () => {
  it('keeps a repeat that is not next to its twin', () => {
    expect(distinctVertices([a, b, a, c])).toEqual([a, b, a, c])
  })
})

describe('editableVertices', () => {
  const square = { type: 'Polygon', coordinates: [[[105.04, 35.69], [105.06, 35.69], [105.06, 35.71], [105.04, 35.69]]] }

  it('gives the corners of a simple polygon without the closing point', () => {
    expect(editableVertices(square)).toEqual([a, b, c])
  })

  it('reads a multipolygon of one polygon', () => {
    expect(editableVertices({ type: 'MultiPolygon', coordinates: [square.coordinates] })).toEqual([a, b, c])
  })

  it('leaves holes, islands and other shapes to be drawn anew', () => {
    expect(editableVertices({ type: 'Polygon', coordinates: [...square.coordinates, ...square.coordinates] })).toBeNull()
    expect(editableVertices({ type: 'MultiPolygon', coordinates: [square.coordinates, square.coordinates] })).toBeNull()
    expect(editableVertices({ type: 'Point', coordinates: [105, 35] })).toBeNull()
    expect(editableVertices({ type: 'Polygon', coordinates: 'x' })).toBeNull()
    expect(editableVertices(null)).toBeNull()
  })
})

describe('polygonsOf', () => {
  it('turns GeoJSON rings into Leaflet [lat, lng] rings through the projection', () => {
    const shift = (p: { lat: number; lng: number }) => ({ lat: p.lat + 1, lng: p.lng })
    expect(polygonsOf({ type: 'Polygon', coordinates: [[[105, 35], [106, 35], [106, 36], [105, 35]]] }, shift)).toEqual([
      [[[36, 105], [36, 106], [37, 106], [36, 105]]],
    ])
  })

  it('keeps each polygon of a multipolygon and nothing of other shapes', () => {
    const ring = [[105, 35], [106, 35], [106, 36], [105, 35]]
    expect(polygonsOf({ type: 'MultiPolygon', coordinates: [[ring], [ring]] })).toHaveLength(2)
    expect(polygonsOf({ type: 'LineString', coordinates: ring })).toEqual([])
  })
})

describe('jurisdictionColors', () => {
  it('gives each jurisdiction its own colour in order', () => {
    const colors = jurisdictionColors([1, 7, 1, 9])
    expect([...colors.entries()]).toEqual([
      [1, outlinePalette[0]],
      [7, outlinePalette[1]],
      [9, outlinePalette[2]],
    ])
  })
})

describe('mayOutline', () => {
  const scope = (kind: Scope['kind'], regionCode = ''): Scope => ({ kind, unitId: 1, regionId: null, regionName: '', regionCode })

  it('follows the server: a county office draws inside its county, not the county itself nor its neighbour', () => {
    const county = scope('region', '620422')
    expect(mayOutline(county, '620422100')).toBe(true)
    expect(mayOutline(county, '620422100001')).toBe(true)
    expect(mayOutline(county, '620422')).toBe(false)
    expect(mayOutline(county, '620421100')).toBe(false)
  })

  it('lets the city office draw its counties, and the deployment-wide scope anything', () => {
    expect(subtreePrefix('620400')).toBe('6204')
    expect(mayOutline(scope('region', '620400'), '620422')).toBe(true)
    expect(mayOutline(scope('region', '620400'), '620400')).toBe(false)
    expect(mayOutline(scope('all'), '620400')).toBe(true)
    expect(mayOutline(scope('unit'), '620422100')).toBe(false)
    expect(mayOutline(undefined, '620422100')).toBe(false)
  })
})
