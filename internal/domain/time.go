package domain

import "time"

// Beijing is the time zone dates are written in: deadlines, filters,
// reports. Times are stored in UTC.
var Beijing = time.FixedZone("CST", 8*3600)
