using Orleans.RealTime.Host;
using Orleans.RealTime.Host.Hosting;

if (args is [KafkaDevBroker.Verb, ..])
{
    await KafkaDevBroker.RunAsync(args[1..]);
    return;
}

if (args is [HealthCheckCommand.Verb, ..])
{
    Environment.ExitCode = await HealthCheckCommand.RunAsync(args[1..]);
    return;
}

await using var app = RealTimeHost.Build(args);
await app.RunAsync();
