using System.Diagnostics.Tracing;
using Microsoft.Diagnostics.NETCore.Client;
using Microsoft.Diagnostics.Tracing;
using Microsoft.Diagnostics.Tracing.Parsers;
using Microsoft.Diagnostics.Tracing.Parsers.Clr;

namespace Portal.Bench.Browser;

/// <summary>
/// Forces a full blocking garbage collection in another .NET process and reads its managed heap size right after,
/// from outside: an EventPipe session over the diagnostics channel every .NET process opens (what dotnet-gcdump
/// does), so the portal needs no diagnostics endpoint. Enabling the runtime provider with the GCHeapCollect keyword
/// makes the runtime induce a blocking gen2 GC; the GCHeapStats event that follows it carries the generation sizes.
/// </summary>
internal static class ServerHeap
{
    private const string RuntimeProvider = "Microsoft-Windows-DotNETRuntime";

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    /// <summary>The managed heap in bytes (all generations, large and pinned object heaps) after a forced full GC.</summary>
    public static async Task<long> CollectAndMeasureAsync(int processId, CancellationToken cancellationToken)
    {
        var client = new DiagnosticsClient(processId);
        var keywords = (long)(ClrTraceEventParser.Keywords.GC | ClrTraceEventParser.Keywords.GCHeapCollect);
        using var session = await client.StartEventPipeSessionAsync(
            [new EventPipeProvider(RuntimeProvider, EventLevel.Informational, keywords)],
            requestRundown: false, circularBufferMB: 64, cancellationToken);
        using var source = new EventPipeEventSource(session.EventStream);

        // The induced GC is the first blocking gen2 GC seen in the session; its heap statistics follow its end.
        var inducedGc = -1;
        var inducedGcEnded = false;
        var heapSize = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        source.Clr.GCStart += e =>
        {
            if (inducedGc < 0 && e.Depth == 2 && e.Type == GCType.NonConcurrentGC)
                inducedGc = e.Count;
        };
        source.Clr.GCStop += e => inducedGcEnded |= inducedGc >= 0 && e.Count == inducedGc;
        source.Clr.GCHeapStats += e =>
        {
            if (inducedGcEnded)
                heapSize.TrySetResult(e.GenerationSize0 + e.GenerationSize1 + e.GenerationSize2 + e.GenerationSize3 + e.GenerationSize4);
        };

        var reader = Task.Run(source.Process, CancellationToken.None);
        try
        {
            return await heapSize.Task.WaitAsync(Timeout, cancellationToken);
        }
        catch (TimeoutException)
        {
            throw new InvalidOperationException($"No full GC was reported by process {processId} within {Timeout.TotalSeconds:0} s of the EventPipe request.");
        }
        finally
        {
            await session.StopAsync(CancellationToken.None);
            await reader;
        }
    }
}
