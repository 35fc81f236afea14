using Lantern.Bench;

// The benchmark harness and scale-corpus generator; see bench/README.md.
return await BenchCommands.RunAsync(args);
