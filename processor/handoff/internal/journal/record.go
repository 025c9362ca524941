package journal // import "github.com/otelcol-custom/otelcol-custom/processor/handoff/internal/journal"

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"slices"
)

// A segment file is a header followed by records, each written once and never changed:
//
//	segment header (16 bytes): magic "handoff\x00", format version (uint32),
//	  signal (1 byte: 1 traces, 2 metrics, 3 logs), 3 reserved bytes
//	record header (32 bytes), little-endian:
//	  0  crc32c of bytes 4..end of the record (header rest and payload)
//	  4  payload length
//	  8  kind (1 byte: 1 data, 2 delivered), 3 reserved bytes
//	  12 data: items in the payload (spans, data points or log records);
//	     delivered: how many sequence numbers the payload lists
//	  16 data: the record's sequence number; delivered: 0
//	  24 when it was written, Unix ns
//	  32 payload. data: an OTLP export request (ExportTraceServiceRequest and its
//	     kin), so that the payloads of several records concatenated are one request
//	     holding them all; delivered: the sequence numbers of delivered data records,
//	     8 bytes each
//
// The checksum lets recovery stop at a record that a crash left torn, or that a bad
// block corrupted, instead of decoding garbage.
const (
	segmentMagic      = "handoff\x00"
	segmentVersion    = 1
	segmentHeaderSize = 16
	recordHeaderSize  = 32

	// maxPayload rejects a length no record can have before allocating for it: a
	// corrupt length field must not make recovery allocate gigabytes.
	maxPayload = 256 << 20
)

// Signal is the kind of telemetry a folder holds; a folder holds one.
type Signal uint8

// The signals, as the segment header records them.
const (
	SignalTraces  Signal = 1
	SignalMetrics Signal = 2
	SignalLogs    Signal = 3
)

func (s Signal) String() string {
	switch s {
	case SignalTraces:
		return "traces"
	case SignalMetrics:
		return "metrics"
	case SignalLogs:
		return "logs"
	}
	return fmt.Sprintf("signal(%d)", uint8(s))
}

// Kind says what a record holds.
type Kind uint8

// Record kinds.
const (
	// KindData is telemetry accepted and not yet delivered, until a KindDelivered
	// record lists its sequence number.
	KindData Kind = 1
	// KindDelivered lists data records the next consumer has taken.
	KindDelivered Kind = 2
)

var (
	castagnoli = crc32.MakeTable(crc32.Castagnoli) // read-only after init

	// errCorrupt: a record (or a segment header) failed its checks. Recovery cuts the
	// segment there.
	errCorrupt = errors.New("journal: corrupt record")
	// ErrWrongSignal: the folder holds another signal's records. Nothing is cut:
	// the folder belongs to someone else.
	ErrWrongSignal = errors.New("journal: the folder holds another signal")
)

// Header is a decoded record header.
type Header struct {
	Length  uint32
	Kind    Kind
	Items   uint32
	Seq     uint64
	Written int64
}

func (h *Header) put(dst []byte) {
	binary.LittleEndian.PutUint32(dst[4:], h.Length)
	dst[8] = byte(h.Kind)
	dst[9], dst[10], dst[11] = 0, 0, 0
	binary.LittleEndian.PutUint32(dst[12:], h.Items)
	binary.LittleEndian.PutUint64(dst[16:], h.Seq)
	binary.LittleEndian.PutUint64(dst[24:], uint64(h.Written))
}

func parseHeader(src []byte) Header {
	return Header{
		Length:  binary.LittleEndian.Uint32(src[4:]),
		Kind:    Kind(src[8]),
		Items:   binary.LittleEndian.Uint32(src[12:]),
		Seq:     binary.LittleEndian.Uint64(src[16:]),
		Written: int64(binary.LittleEndian.Uint64(src[24:])),
	}
}

// appendRecord appends a whole record (header, payload, checksum) to dst.
func appendRecord(dst []byte, h Header, payload []byte) []byte {
	start := len(dst)
	h.Length = uint32(len(payload))
	dst = slices.Grow(dst, recordHeaderSize+len(payload))
	dst = dst[:start+recordHeaderSize]
	h.put(dst[start:])
	dst = append(dst, payload...)
	binary.LittleEndian.PutUint32(dst[start:], crc32.Checksum(dst[start+4:], castagnoli))
	return dst
}

// verify checks a complete record (header and payload) against its checksum.
func verify(record []byte) bool {
	return len(record) >= recordHeaderSize &&
		binary.LittleEndian.Uint32(record) == crc32.Checksum(record[4:], castagnoli)
}

func segmentHeader(signal Signal) []byte {
	h := make([]byte, segmentHeaderSize)
	copy(h, segmentMagic)
	binary.LittleEndian.PutUint32(h[8:], segmentVersion)
	h[12] = byte(signal)
	return h
}

// Scan reads a segment from r: its header, then records until the end or the first
// bad one. It calls fn for each good record, with the record's offset in the segment
// and its payload (valid until fn returns), and returns the offset where the good
// records end. A torn or corrupt record, or a segment without a valid header, ends
// the scan with an error wrapping errCorrupt; a header of another signal with
// ErrWrongSignal; an error of fn or of r is returned as it is.
func Scan(r io.Reader, signal Signal, fn func(off int64, h Header, payload []byte) error) (int64, error) {
	br := bufio.NewReaderSize(r, 256<<10)
	header := make([]byte, segmentHeaderSize)
	if _, err := io.ReadFull(br, header); err != nil {
		if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
			return 0, fmt.Errorf("%w: segment header cut short", errCorrupt)
		}
		return 0, err
	}
	if !bytes.Equal(header[:8], []byte(segmentMagic)) || binary.LittleEndian.Uint32(header[8:]) != segmentVersion {
		return 0, fmt.Errorf("%w: not a segment of this format", errCorrupt)
	}
	got := Signal(header[12])
	if got < SignalTraces || got > SignalLogs {
		return 0, fmt.Errorf("%w: unknown signal %d", errCorrupt, got)
	}
	if got != signal {
		return 0, fmt.Errorf("%w: it holds %s, this pipeline is %s", ErrWrongSignal, got, signal)
	}
	off := int64(segmentHeaderSize)
	record := make([]byte, recordHeaderSize, 64<<10)
	for {
		if _, err := io.ReadFull(br, record[:recordHeaderSize]); err != nil {
			if errors.Is(err, io.EOF) {
				return off, nil
			}
			if errors.Is(err, io.ErrUnexpectedEOF) {
				return off, fmt.Errorf("%w: record header cut short at %d", errCorrupt, off)
			}
			return off, err
		}
		h := parseHeader(record)
		if h.Length > maxPayload || (h.Kind != KindData && h.Kind != KindDelivered) {
			return off, fmt.Errorf("%w: bad header at %d", errCorrupt, off)
		}
		n := recordHeaderSize + int(h.Length)
		var err error
		if record, err = readPayload(br, record[:recordHeaderSize], int(h.Length)); err != nil {
			if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
				return off, fmt.Errorf("%w: record cut short at %d", errCorrupt, off)
			}
			return off, err
		}
		if !verify(record) {
			return off, fmt.Errorf("%w: checksum mismatch at %d", errCorrupt, off)
		}
		if h.Kind == KindDelivered && int(h.Length) != 8*int(h.Items) {
			return off, fmt.Errorf("%w: delivered record of %d bytes lists %d", errCorrupt, h.Length, h.Items)
		}
		if err := fn(off, h, record[recordHeaderSize:]); err != nil {
			return off, err
		}
		off += int64(n)
	}
}

// readPayload appends n bytes from r to dst. It grows dst as the bytes arrive, a
// megabyte at a time, so that a corrupt length in a torn record costs no more memory
// than the bytes that are really there.
func readPayload(r io.Reader, dst []byte, n int) ([]byte, error) {
	const step = 1 << 20
	for n > 0 {
		chunk := min(n, step)
		start := len(dst)
		dst = slices.Grow(dst, chunk)[:start+chunk]
		if _, err := io.ReadFull(r, dst[start:]); err != nil {
			return dst[:start], err
		}
		n -= chunk
	}
	return dst, nil
}

// appendDeliveredRecord appends a whole KindDelivered record listing seqs to dst.
func appendDeliveredRecord(dst []byte, seqs []uint64, written int64) []byte {
	start := len(dst)
	dst = slices.Grow(dst, recordHeaderSize+8*len(seqs))[:start+recordHeaderSize]
	h := Header{Length: uint32(8 * len(seqs)), Kind: KindDelivered, Items: uint32(len(seqs)), Written: written}
	h.put(dst[start:])
	for _, s := range seqs {
		dst = binary.LittleEndian.AppendUint64(dst, s)
	}
	binary.LittleEndian.PutUint32(dst[start:], crc32.Checksum(dst[start+4:], castagnoli))
	return dst
}

// forEachDelivered calls fn for each sequence number a KindDelivered payload lists.
func forEachDelivered(payload []byte, fn func(uint64)) {
	for i := 0; i+8 <= len(payload); i += 8 {
		fn(binary.LittleEndian.Uint64(payload[i:]))
	}
}
