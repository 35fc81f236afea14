using System.Text;
using Lantern.Core.Dissemination;
using Lantern.Web.Features.Dissemination;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Lantern.Web.Api;

/// <summary>Learning activities, feedback and the yearly report's figures, limited to what the viewer may see.</summary>
internal static class DisseminationApi
{
    public static RouteGroupBuilder MapDisseminationApi(this RouteGroupBuilder api)
    {
        api.MapGet("/activities", ListAsync)
            .WithName("ListActivities").WithTags("Dissemination")
            .WithSummary("Learning activities held in a period (from/to as YYYY-MM-DD, both optional)");
        api.MapGet("/activities/{id:long}", GetAsync)
            .WithName("GetActivity").WithTags("Dissemination")
            .WithSummary("One learning activity with the teams it went to and their feedback");
        api.MapGet("/activities/{id:long}/feedback.csv", FeedbackCsvAsync)
            .WithName("ActivityFeedbackCsv").WithTags("Dissemination")
            .WithSummary("Teams' feedback on one activity as CSV");
        api.MapGet("/report", ReportAsync)
            .WithName("YearlyReport").WithTags("Dissemination")
            .WithSummary("The yearly report's figures for a period (default: the partnership year containing today)");
        return api;
    }

    private static async Task<Results<Ok<IReadOnlyList<LearningActivity>>, ProblemHttpResult>> ListAsync(string? from, string? to, ManageActivities activities, CancellationToken cancellationToken)
    {
        if (!ReviewDates.TryParseDate(from, out var fromDate) || !ReviewDates.TryParseDate(to, out var toDate))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Bad date", detail: "from and to must be dates as YYYY-MM-DD");
        }

        return TypedResults.Ok(await activities.ListAsync(fromDate, toDate, cancellationToken));
    }

    private static async Task<Results<Ok<ActivityDetail>, ProblemHttpResult>> GetAsync(long id, ManageActivities activities, CancellationToken cancellationToken)
    {
        var view = await activities.ShowAsync(id, cancellationToken);
        return view is null
            ? ApiRegistration.NotFound($"There is no activity {id}.")
            : TypedResults.Ok(new ActivityDetail(view.Activity, view.Recipients, view.Feedback));
    }

    private static async Task<IResult> FeedbackCsvAsync(long id, ManageActivities activities, CancellationToken cancellationToken)
    {
        if (await activities.ShowAsync(id, cancellationToken) is null)
        {
            return ApiRegistration.NotFound($"There is no activity {id}.");
        }

        return TypedResults.File(Encoding.UTF8.GetBytes(await activities.FeedbackCsvAsync(id, cancellationToken)), "text/csv; charset=utf-8", $"feedback-{id}.csv");
    }

    private static async Task<Results<Ok<ReportFigures>, ProblemHttpResult>> ReportAsync(string? from, string? to, BuildYearlyReport reports, CancellationToken cancellationToken)
    {
        var result = await reports.HandleAsync(new ReportQuery(from, to), cancellationToken);
        if (result.Report is not { } r)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Bad period", detail: result.Error);
        }

        return TypedResults.Ok(new ReportFigures(r.Period.From, r.Period.To, r.Reviews, r.Themes, r.Actions, r.Activities.Total, r.Activities.BriefingsSent,
            r.Activities.AgenciesReached, r.Activities.TeamsReached, r.Activities.Restricted, r.Activities.Listed, r.Impact.Responses, r.Impact.TeamsAsked,
            r.Impact.AverageUsefulness, r.Impact.Audits));
    }
}

/// <summary>An activity with its recipients (no tokens: only their hashes are stored) and feedback.</summary>
public sealed record ActivityDetail(LearningActivity Activity, IReadOnlyList<ActivityRecipient> Recipients, IReadOnlyList<TeamFeedback> Feedback);

/// <summary>The yearly report's figures as JSON (the charts and prose are in the page and downloads).</summary>
public sealed record ReportFigures(
    DateOnly From, DateOnly To, ReviewFigures Reviews, IReadOnlyList<ThemeFigure> Themes, ActionFigures Actions,
    int Activities, int BriefingsSent, int AgenciesReached, int TeamsReached, int RestrictedActivities, IReadOnlyList<ActivityLine> ListedActivities,
    int Responses, int TeamsAsked, double? AverageUsefulness, IReadOnlyList<AuditFindings> Audits);
