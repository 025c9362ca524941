package spanstore // import "github.com/otelcol-custom/otelcol-custom/processor/errorkeep/internal/spanstore"

import (
	"encoding/binary"
	"errors"
	"hash/crc32"
	"math/bits"
)

// A segment is a header followed by records, each written once and never changed:
//
//	segment header (16 bytes): magic "ekspans\x00", format version (uint32), reserved
//	record header (48 bytes), little-endian:
//	  0  crc32c of bytes 4..end of the record (header rest and payload)
//	  4  payload length
//	  8  kind (1 byte), 3 reserved bytes
//	  12 spans in the payload
//	  16 when it was written, Unix ns
//	  24 trace ID (16 bytes)
//	  40 the previous record of the same trace in the same segment (offset<<32 | length), 0 for none
//	  48 payload: an OTLP TracesData encoding of the trace's spans, their trace IDs left blank
//
// The checksum lets a reader that finds a torn or corrupted record (a crash in the
// middle of a write, a bad disk block) stop there instead of decoding garbage.
const (
	segmentMagic      = "ekspans\x00"
	segmentVersion    = 1
	segmentHeaderSize = 16
	recordHeaderSize  = 48
)

// Kind says what a record holds.
type Kind uint8

// Record kinds. A trace's records are read newest first; a marker closes the
// accepted records written before it (back to the previous marker), which together
// are one "episode" of the trace: spans buffered, then decided.
const (
	// KindNotKept is spans of a trace already decided not kept (its late spans, or a
	// whole trace let go of by a store without a folder): always rescuable.
	KindNotKept Kind = 1
	// KindAccepted is spans accepted and not yet decided: the write-ahead log that
	// makes errorkeep's buffer survive a crash. Rescuable once a KindLetGo marker
	// closes them; recovered at start when no marker does.
	KindAccepted Kind = 2
	// KindLetGo marks the accepted records before it as decided not kept.
	KindLetGo Kind = 3
	// KindHandedOn marks the accepted records before it as handed on (kept and
	// forwarded, or recovered and accepted again): neither rescued nor recovered.
	KindHandedOn Kind = 4
)

var (
	castagnoli = crc32.MakeTable(crc32.Castagnoli) // read-only after init

	errCorrupt = errors.New("spanstore: corrupt record")
)

// recordHeader is a decoded record header.
type recordHeader struct {
	crc     uint32
	length  uint32
	kind    Kind
	spans   uint32
	written int64
	traceID [16]byte
	prev    uint64
}

func (h *recordHeader) put(dst []byte) {
	binary.LittleEndian.PutUint32(dst[4:], h.length)
	dst[8] = byte(h.kind)
	dst[9], dst[10], dst[11] = 0, 0, 0
	binary.LittleEndian.PutUint32(dst[12:], h.spans)
	binary.LittleEndian.PutUint64(dst[16:], uint64(h.written))
	copy(dst[24:40], h.traceID[:])
	binary.LittleEndian.PutUint64(dst[40:], h.prev)
}

func parseHeader(src []byte) recordHeader {
	var h recordHeader
	h.crc = binary.LittleEndian.Uint32(src)
	h.length = binary.LittleEndian.Uint32(src[4:])
	h.kind = Kind(src[8])
	h.spans = binary.LittleEndian.Uint32(src[12:])
	h.written = int64(binary.LittleEndian.Uint64(src[16:]))
	copy(h.traceID[:], src[24:40])
	h.prev = binary.LittleEndian.Uint64(src[40:])
	return h
}

// seal writes the checksum of a complete record (header and payload) into it.
func seal(record []byte) {
	binary.LittleEndian.PutUint32(record, crc32.Checksum(record[4:], castagnoli))
}

// verify checks a complete record against its checksum.
func verify(record []byte) bool {
	return binary.LittleEndian.Uint32(record) == crc32.Checksum(record[4:], castagnoli)
}

// ref locates a record inside its segment: offset in the high half, total length
// (header and payload) in the low half. Offsets start after the segment header, so
// the zero ref means none.
type ref uint64

func makeRef(off int64, length int) ref { return ref(uint64(off)<<32 | uint64(uint32(length))) }

func (r ref) off() int64 { return int64(r >> 32) }
func (r ref) len() int   { return int(uint32(r)) }

func segmentHeader() []byte {
	h := make([]byte, segmentHeaderSize)
	copy(h, segmentMagic)
	binary.LittleEndian.PutUint32(h[8:], segmentVersion)
	return h
}

// indexKey is what a segment's index is keyed by: the trace ID folded into 64 bits,
// which makes an entry 16 bytes instead of 24 (the index is most of what a store in a
// folder holds in memory). Two traces that fold alike (random IDs: about once in
// 2^64 pairs) share a chain: readers check every record's trace ID.
type indexKey uint64

func keyOf(traceID [16]byte) indexKey { return indexKey(foldTraceID(traceID)) }

// foldTraceID folds a trace ID into 64 bits for a table keyed by it: the low half
// (random in every W3C and 64-bit ID) mixed with the high half, so that IDs that
// differ in either half fold apart.
func foldTraceID(traceID [16]byte) uint64 {
	hi, lo := binary.LittleEndian.Uint64(traceID[:8]), binary.LittleEndian.Uint64(traceID[8:])
	return lo ^ bits.RotateLeft64(hi*0x9E3779B97F4A7C15, 32)
}
