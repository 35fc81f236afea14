using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Threading.Channels;
using Lantern.Storage.Abstractions;
using System.Data;
using System.Data.Common;
using Lantern.Core.Model;
using Lantern.Core.Sensitive;

namespace Lantern.Storage.Library;

public sealed partial class LanternLibrary
{
    /// <summary>Extracted files waiting for the writer; extraction workers wait when it is full, so memory stays flat.</summary>
    internal const int BulkQueueCapacity = 64;

    /// <summary>Documents per transaction.</summary>
    internal const int BulkBatchSize = 200;

    /// <summary>A batch commits after this long even when it is not full, so outcomes keep flowing on slow extraction.</summary>
    internal static readonly TimeSpan BulkBatchWindow = TimeSpan.FromMilliseconds(250);

    /// <summary>Extraction workers for a bulk import (default: one per core).</summary>
    internal int BulkWorkers { get; set; } = Environment.ProcessorCount;

    /// <summary>Test hook: called with the file name before each document of a bulk import is written; throwing fails it.</summary>
    internal Action<string>? BulkFaultInjection { get; set; }

    /// <summary>
    /// Bulk import: extraction workers (one per core) read and extract files and feed a bounded queue; one writer
    /// commits batches of up to <see cref="BulkBatchSize"/> documents (or what arrived within
    /// <see cref="BulkBatchWindow"/>) in one transaction with reused prepared commands. When a batch fails, its
    /// documents are written one per transaction so that one bad file does not lose the others.
    /// </summary>
    public async IAsyncEnumerable<IngestOutcome> IngestManyAsync(
        IEnumerable<IngestFile> files, IngestOptions options, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(options);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var outcomes = Channel.CreateUnbounded<IngestOutcome>(new UnboundedChannelOptions { SingleReader = true });
        var run = Task.Run(() => RunBulkAsync(files, options, outcomes.Writer, stop.Token), CancellationToken.None);
        try
        {
            await foreach (var outcome in outcomes.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                yield return outcome;
            }

            await run.ConfigureAwait(false);
        }
        finally
        {
            // The caller stopped reading early (or failed): stop the workers and wait for the writer to let go.
            await stop.CancelAsync().ConfigureAwait(false);
            await Task.WhenAny(run).ConfigureAwait(false);
        }
    }

    private async Task RunBulkAsync(IEnumerable<IngestFile> files, IngestOptions options, ChannelWriter<IngestOutcome> outcomes, CancellationToken cancellationToken)
    {
        var queue = Channel.CreateBounded<ExtractedFile>(new BoundedChannelOptions(BulkQueueCapacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
        using var source = files.GetEnumerator();
        using var failed = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var workers = Enumerable.Range(0, Math.Max(1, BulkWorkers))
            .Select(_ => Task.Run(() => ExtractWorkerAsync(source, queue.Writer, outcomes, failed.Token), CancellationToken.None))
            .ToArray();
        var extracted = Task.WhenAll(workers).ContinueWith(t => queue.Writer.TryComplete(t.Exception), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
        try
        {
            await WriteBatchesAsync(queue.Reader, options, outcomes, failed.Token).ConfigureAwait(false);
            await Task.WhenAll(workers).ConfigureAwait(false);
            await extracted.ConfigureAwait(false);
            outcomes.TryComplete();
        }
        catch (Exception e)
        {
            await failed.CancelAsync().ConfigureAwait(false);
            await Task.WhenAll(workers.Append(extracted).Select(t => t.ContinueWith(_ => { }, TaskScheduler.Default))).ConfigureAwait(false);
            outcomes.TryComplete(e);
            throw;
        }
    }

    /// <summary>Takes files one at a time, skips those already stored, extracts the rest and queues them.</summary>
    private async Task ExtractWorkerAsync(IEnumerator<IngestFile> source, ChannelWriter<ExtractedFile> queue, ChannelWriter<IngestOutcome> outcomes, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var find = connection.CreateCommand();
        find.CommandText = "SELECT id FROM documents WHERE sha256 = @sha";
        var sha256 = find.CreateParameter();
        sha256.ParameterName = "sha";
        sha256.DbType = DbType.String;
        find.Parameters.Add(sha256);
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            IngestFile file;
            lock (source)
            {
                if (!source.MoveNext())
                {
                    return;
                }

                file = source.Current;
            }

            var (bytes, why) = await OneByOneIngest.ReadAsync(file, cancellationToken).ConfigureAwait(false);
            if (bytes is null)
            {
                outcomes.TryWrite(new IngestOutcome(file.FileName, IngestStatus.Rejected, why!) { Source = file.Path });
                continue;
            }

            var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
            sha256.Value = sha;
            if (await find.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is { } existing and not DBNull)
            {
                outcomes.TryWrite(new IngestOutcome(file.FileName, IngestStatus.AlreadyPresent, "already in the library", Convert.ToInt64(existing, System.Globalization.CultureInfo.InvariantCulture)) { Source = file.Path });
                continue;
            }

            if (!TryExtract(file.FileName, bytes, out var document, out var extraction, out why))
            {
                outcomes.TryWrite(new IngestOutcome(file.FileName, IngestStatus.Rejected, why) { Source = file.Path });
                continue;
            }

            // The sensitive-data check runs here too, in parallel, as a single ingest runs it before its write.
            var findings = SensitiveDataDetector.Default.Detect(extraction.Text);
            await queue.WriteAsync(new ExtractedFile(file.Path, file.FileName, sha, bytes, document, extraction, findings), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The single writer: gathers a batch (full, or the window has passed) and commits it.</summary>
    private async Task WriteBatchesAsync(ChannelReader<ExtractedFile> queue, IngestOptions options, ChannelWriter<IngestOutcome> outcomes, CancellationToken cancellationToken)
    {
        var batch = new List<ExtractedFile>(BulkBatchSize);
        while (await queue.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var started = Stopwatch.GetTimestamp();
            while (batch.Count < BulkBatchSize)
            {
                if (queue.TryRead(out var next))
                {
                    batch.Add(next);
                    continue;
                }

                var left = BulkBatchWindow - Stopwatch.GetElapsedTime(started);
                if (left <= TimeSpan.Zero || !await WaitForMoreAsync(queue, left, cancellationToken).ConfigureAwait(false))
                {
                    break;
                }
            }

            foreach (var outcome in await CommitBatchAsync(batch, options, cancellationToken).ConfigureAwait(false))
            {
                outcomes.TryWrite(outcome);
            }

            batch.Clear();
        }
    }

    private static async Task<bool> WaitForMoreAsync(ChannelReader<ExtractedFile> queue, TimeSpan left, CancellationToken cancellationToken)
    {
        using var window = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        window.CancelAfter(left);
        try
        {
            return await queue.WaitToReadAsync(window.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    /// <summary>Commits a batch in one transaction; if that fails, each document in its own, reporting those that fail by name.</summary>
    private async Task<List<IngestOutcome>> CommitBatchAsync(List<ExtractedFile> batch, IngestOptions options, CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // The blobs go in place before the rows that refer to them commit.
            foreach (var file in batch)
            {
                await _originals.SaveAsync(file.Sha256, file.Bytes, cancellationToken).ConfigureAwait(false);
            }

            await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                return WriteInTransaction(connection, batch, options);
            }
#pragma warning disable CA1031 // One bad document must not lose the batch: retry one by one, and report the one that fails.
            catch (Exception e) when (e is not OperationCanceledException)
            {
                var outcomes = new List<IngestOutcome>(batch.Count);
                foreach (var file in batch)
                {
                    try
                    {
                        outcomes.AddRange(WriteInTransaction(connection, [file], options));
                    }
                    catch (Exception single) when (single is not OperationCanceledException)
                    {
                        outcomes.Add(new IngestOutcome(file.FileName, IngestStatus.Rejected, $"could not be stored ({single.GetType().Name}: {single.Message})") { Source = file.Path });
                    }
                }

                return outcomes;
            }
#pragma warning restore CA1031
        }
        finally
        {
            LibraryChanged();
            _writeLock.Release();
        }
    }

    private List<IngestOutcome> WriteInTransaction(DbConnection connection, IReadOnlyList<ExtractedFile> files, IngestOptions options)
    {
        using var transaction = connection.BeginTransaction();
        using var writer = new DocumentBatchWriter(_dialect, connection, transaction, _codebookVersion) { BeforeDocument = BulkFaultInjection };
        var outcomes = new List<IngestOutcome>(files.Count);
        var now = _clock.GetUtcNow();
        foreach (var file in files)
        {
            // Checked again inside the transaction: another writer, or an earlier file of this import, may hold the same bytes.
            if (writer.Find(file.Sha256) is { } existing)
            {
                outcomes.Add(new IngestOutcome(file.FileName, IngestStatus.AlreadyPresent, "already in the library", existing) { Source = file.Path });
                continue;
            }

            // The single ingest's rule: restricted when flagged, unless the import explicitly asked for public.
            var findings = file.Findings.Count;
            var visibility = options.Visibility ?? (findings > 0 ? Visibility.Restricted : Visibility.Public);
            var id = writer.Write(file, visibility, options.Visibility == Visibility.Public, options.Actor, options.Address, now);
            var count = file.Extraction.Reviews.Count;
            outcomes.Add(new IngestOutcome(file.FileName, IngestStatus.Added, $"{count} reviews", id, count, findings, visibility) { Source = file.Path });
        }

        transaction.Commit();
        return outcomes;
    }
}
