// Package compare holds the benchmarks that run otelcol-custom's processors side by
// side with the stock components that do the same job (contrib `redaction` for
// piiredact, contrib `tail_sampling` for errorkeep), in the same run. They live in
// the distribution's module, not the processors': a processor's module must not pull
// contrib processors into the build of anyone who imports it.
//
//	go test ./test/compare -run '^$' -bench . -benchmem
package compare
