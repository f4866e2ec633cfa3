using Orleans.RealTime.Host;

await using var app = RealTimeHost.Build(args);
await app.RunAsync();
