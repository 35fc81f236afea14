// The benchmark harness; see bench/README.md.
Console.WriteLine("lantern bench: nothing measured yet");
return 0;
