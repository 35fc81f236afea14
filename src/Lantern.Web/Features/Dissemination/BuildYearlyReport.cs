using Lantern.Core.Dissemination;
using Lantern.Storage.Abstractions;
using Lantern.Web.Access;

namespace Lantern.Web.Features.Dissemination;

/// <summary>The period as typed; when a date is missing, the partnership year (1 April to 31 March) containing today.</summary>
public sealed record ReportQuery(string? From, string? To);

/// <summary>The report for a period, or the error to show against the period fields.</summary>
public sealed record ReportResult(ReportQuery Query, YearlyReport? Report, string? Error);

/// <summary>Builds the yearly report for the current viewer: restricted material is only counted, and only for those who may see it.</summary>
public sealed class BuildYearlyReport(IReviewLibrary library, IViewerAccessor viewers, TimeProvider clock)
{
    public async Task<ReportResult> HandleAsync(ReportQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        var yearStart = new DateOnly(today.Month >= 4 ? today.Year : today.Year - 1, 4, 1);
        if (!ReviewDates.TryParseDate(query.From, out var from) || !ReviewDates.TryParseDate(query.To, out var to))
        {
            return new ReportResult(query, null, "Enter the dates as YYYY-MM-DD, for example 2025-04-01");
        }

        var period = new ReportPeriod(from ?? yearStart, to ?? yearStart.AddYears(1).AddDays(-1));
        if (period.To < period.From)
        {
            return new ReportResult(query, null, "The end of the period must not be before its start");
        }

        var inputs = await library.GetReportInputsAsync(viewers.Current, cancellationToken);
        var report = new YearlyReportBuilder(clock: clock, themeLabel: Labels.Display).Build(period, inputs);
        return new ReportResult(new ReportQuery(ReviewDates.Iso(period.From), ReviewDates.Iso(period.To)), report, null);
    }
}
