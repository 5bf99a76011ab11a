// Package cputime reads the CPU time the process has used. Benchmarks
// report throughput per CPU-second because on a shared, busy machine it
// holds where wall-clock figures swing: with GOMAXPROCS=1 it is the time of
// the one core that did the work, whatever else the machine was doing.
package cputime
