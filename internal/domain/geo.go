package domain

import "math"

// Distance is the great-circle distance in metres between two WGS-84 points.
func Distance(lat1, lng1, lat2, lng2 float64) float64 {
	const r = 6371000
	rad := math.Pi / 180
	dLat, dLng := (lat2-lat1)*rad, (lng2-lng1)*rad
	a := math.Sin(dLat/2)*math.Sin(dLat/2) + math.Cos(lat1*rad)*math.Cos(lat2*rad)*math.Sin(dLng/2)*math.Sin(dLng/2)
	return 2 * r * math.Asin(math.Min(1, math.Sqrt(a)))
}

// GCJ-02 is the offset datum Chinese base maps (Amap, Tencent) draw in; a
// coordinate picked on them must be moved back before it is stored.
const (
	gcjA  = 6378245.0
	gcjEE = 0.00669342162296594323
)

// ToGCJ02 moves a WGS-84 point onto Chinese base maps.
func ToGCJ02(lat, lng float64) (float64, float64) {
	if outsideChina(lat, lng) {
		return lat, lng
	}
	dLat, dLng := gcjDelta(lat, lng)
	return lat + dLat, lng + dLng
}

// FromGCJ02 moves a point picked on a GCJ-02 map back to WGS-84, by two
// rounds of fixed-point refinement (well under a metre of error).
func FromGCJ02(lat, lng float64) (float64, float64) {
	if outsideChina(lat, lng) {
		return lat, lng
	}
	wLat, wLng := lat, lng
	for range 3 {
		gLat, gLng := ToGCJ02(wLat, wLng)
		wLat, wLng = wLat-(gLat-lat), wLng-(gLng-lng)
	}
	return wLat, wLng
}

func outsideChina(lat, lng float64) bool {
	return lng < 72.004 || lng > 137.8347 || lat < 0.8293 || lat > 55.8271
}

func gcjDelta(lat, lng float64) (float64, float64) {
	x, y := lng-105.0, lat-35.0
	dLat := -100.0 + 2.0*x + 3.0*y + 0.2*y*y + 0.1*x*y + 0.2*math.Sqrt(math.Abs(x))
	dLat += (20.0*math.Sin(6.0*x*math.Pi) + 20.0*math.Sin(2.0*x*math.Pi)) * 2.0 / 3.0
	dLat += (20.0*math.Sin(y*math.Pi) + 40.0*math.Sin(y/3.0*math.Pi)) * 2.0 / 3.0
	dLat += (160.0*math.Sin(y/12.0*math.Pi) + 320*math.Sin(y*math.Pi/30.0)) * 2.0 / 3.0
	dLng := 300.0 + x + 2.0*y + 0.1*x*x + 0.1*x*y + 0.1*math.Sqrt(math.Abs(x))
	dLng += (20.0*math.Sin(6.0*x*math.Pi) + 20.0*math.Sin(2.0*x*math.Pi)) * 2.0 / 3.0
	dLng += (20.0*math.Sin(x*math.Pi) + 40.0*math.Sin(x/3.0*math.Pi)) * 2.0 / 3.0
	dLng += (150.0*math.Sin(x/12.0*math.Pi) + 300.0*math.Sin(x/30.0*math.Pi)) * 2.0 / 3.0
	rad := lat / 180.0 * math.Pi
	magic := math.Sin(rad)
	magic = 1 - gcjEE*magic*magic
	sq := math.Sqrt(magic)
	dLat = (dLat * 180.0) / ((gcjA * (1 - gcjEE)) / (magic * sq) * math.Pi)
	dLng = (dLng * 180.0) / (gcjA / sq * math.Cos(rad) * math.Pi)
	return dLat, dLng
}
