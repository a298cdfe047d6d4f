package files

import (
	"bytes"
	"encoding/binary"
)

// intact tells whether an image's container is whole: its parts are all
// there, up to the end marker where the format has one. It reads the
// structure, not the pixels, so it costs a scan of the bytes instead of a
// decode; pixel data damaged inside a whole file shows only when the
// copies are made (copies.go says what the user then sees).
func intact(format string, data []byte) bool {
	switch format {
	case "jpeg":
		return jpegIntact(data)
	case "png":
		return pngIntact(data)
	case "webp":
		return len(data) >= 8 && int64(binary.LittleEndian.Uint32(data[4:8]))+8 <= int64(len(data))
	case "heic":
		return boxesIntact(data)
	}
	return true
}

// jpegIntact walks the marker segments to the first scan and wants an
// end-of-image marker after it. Inside scan data every 0xFF is followed
// by 0x00 or a restart marker, so FF D9 there is the real end; bytes after
// it (phones append motion clips) are allowed, as decoders allow them.
func jpegIntact(b []byte) bool {
	i := 2 // after the start-of-image marker
	for i+4 <= len(b) {
		switch m := b[i+1]; {
		case b[i] != 0xff, m == 0xff:
			// Stray bytes between segments, which decoders skip as
			// libjpeg does, or a fill byte before a marker.
			i++
		case m == 0x01 || m >= 0xd0 && m <= 0xd7: // markers without a length
			i += 2
		case m == 0xda: // start of scan
			return bytes.Contains(b[i+2:], []byte{0xff, 0xd9})
		default:
			i += 2 + int(binary.BigEndian.Uint16(b[i+2:]))
		}
	}
	return false
}

// pngIntact walks the chunks (length, type, data, CRC) to IEND.
func pngIntact(b []byte) bool {
	for i := 8; i+8 <= len(b); {
		n := int64(binary.BigEndian.Uint32(b[i:]))
		if string(b[i+4:i+8]) == "IEND" {
			return true
		}
		next := int64(i) + 12 + n
		if next > int64(len(b)) {
			return false
		}
		i = int(next)
	}
	return false
}

// boxesIntact checks that the top-level ISO media boxes of a HEIF file
// each fit in the file.
func boxesIntact(b []byte) bool {
	for i := int64(0); i < int64(len(b)); {
		if i+8 > int64(len(b)) {
			return false
		}
		n := int64(binary.BigEndian.Uint32(b[i:]))
		switch n {
		case 0: // the box runs to the end of the file
			return true
		case 1: // a 64-bit size follows the type
			if i+16 > int64(len(b)) {
				return false
			}
			n = int64(binary.BigEndian.Uint64(b[i+8:]))
		}
		if n < 8 || n > int64(len(b))-i {
			return false
		}
		i += n
	}
	return true
}
