// Package otlpwire cuts and puts together OTLP trace encodings without decoding
// them: how errorkeep holds spans between their arrival and their decision.
//
// Each incoming batch is encoded once into a Slab, and every trace of it points into
// the slab with Pieces (Cut); CutOne does the same for one record read back from a
// store. Repack moves the pieces of a few traces out of a batch that would otherwise
// be held mostly empty. An Encoder puts the pieces of kept traces together into one
// encoding, resources shared, to be decoded once.
package otlpwire // import "github.com/otelcol-custom/otelcol-custom/processor/errorkeep/internal/otlpwire"
