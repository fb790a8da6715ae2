// Benchmark suite for issue 7 (performance): see bench/README.md. Work in progress on this branch.
Console.Error.WriteLine("Portal.Bench: not yet assembled.");
return 2;
