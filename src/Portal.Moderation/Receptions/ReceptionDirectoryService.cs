using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Data;
using Portal.Data.Receptions;
using Portal.Moderation.Staff;
using static Portal.Moderation.Receptions.ReceptionInput;

namespace Portal.Moderation.Receptions;

/// <summary>
/// The directory of hosts (leaders and deputies) and deputy studios, kept by moderators and admins. Editing
/// changes what is announced from then on; sessions keep pointing to the same host and studio.
/// </summary>
public sealed class ReceptionDirectoryService(IDbContextFactory<PortalDbContext> dbFactory, IOptions<ReceptionOptions> options, StaffAudit audit)
{
    /// <summary>A blank host form with the yearly targets the organisation set for <paramref name="kind"/>.</summary>
    public HostInput NewHost(ReceptionHostKind kind = ReceptionHostKind.Leader) => new()
    {
        Kind = kind,
        RequiredReceptionsPerYear = options.Value.DefaultReceptionsFor(kind),
        RequiredVisitsPerYear = options.Value.DefaultVisitsFor(kind),
    };

    /// <summary>Creates a host (<paramref name="hostId"/> null) or updates one; returns its id.</summary>
    /// <exception cref="System.ComponentModel.DataAnnotations.ValidationException">Invalid input (Chinese message).</exception>
    public async Task<int> SaveHostAsync(int? hostId, HostInput input, StaffActor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        RequireManager(actor);
        var name = Required(input.Name, "姓名", ReceptionHost.MaxNameLength);
        var post = Required(input.Post, "职务", ReceptionHost.MaxPostLength);
        var duties = Optional(input.Responsibilities, "分管工作", ReceptionHost.MaxResponsibilitiesLength) ?? "";
        if (input.Kind is not { } kind || !Enum.IsDefined(kind))
            throw new System.ComponentModel.DataAnnotations.ValidationException("请选择类别（领导干部或党代表）。");
        var receptions = Count(input.RequiredReceptionsPerYear, "每年应接访次数", ReceptionHost.MaxPerYear);
        var visits = Count(input.RequiredVisitsPerYear, "每年应入户走访户数", ReceptionHost.MaxPerYear);

        await using var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        if (await db.ReceptionHosts.AnyAsync(h => h.Id != hostId && h.Name == name && h.Post == post, ct).ConfigureAwait(false))
            throw new System.ComponentModel.DataAnnotations.ValidationException($"已有接访人“{name}（{post}）”。");
        ReceptionHost host;
        if (hostId is { } id)
        {
            host = await db.ReceptionHosts.SingleOrDefaultAsync(h => h.Id == id, ct).ConfigureAwait(false)
                ?? throw new ReceptionStateException("未找到该接访人。");
            RequireVersion(host.Version, input.Version);
            host.Update(name, post, duties, kind, receptions, visits);
        }
        else
        {
            host = ReceptionHost.Create(name, post, duties, kind, receptions, visits);
            db.ReceptionHosts.Add(host);
        }

        await SaveAsync(db, ct).ConfigureAwait(false);
        audit.Record(actor, hostId is null ? "reception.host.create" : "reception.host.update", host.Id);
        return host.Id;
    }

    /// <summary>Creates a studio (<paramref name="studioId"/> null) or updates one; returns its id.</summary>
    public async Task<int> SaveStudioAsync(int? studioId, StudioInput input, StaffActor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        RequireManager(actor);
        var name = Required(input.Name, "工作室名称", DeputyStudio.MaxNameLength);
        var address = Required(input.Address, "地址", DeputyStudio.MaxAddressLength);
        var phone = Phone(Optional(input.Phone, "电话", DeputyStudio.MaxPhoneLength), "电话");
        var days = Required(input.ReceptionDays, "固定接待日", DeputyStudio.MaxReceptionDaysLength);

        await using var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        if (await db.DeputyStudios.AnyAsync(s => s.Id != studioId && s.Name == name, ct).ConfigureAwait(false))
            throw new System.ComponentModel.DataAnnotations.ValidationException($"已有名为“{name}”的党代表工作室。");
        DeputyStudio studio;
        if (studioId is { } id)
        {
            studio = await db.DeputyStudios.SingleOrDefaultAsync(s => s.Id == id, ct).ConfigureAwait(false)
                ?? throw new ReceptionStateException("未找到该党代表工作室。");
            RequireVersion(studio.Version, input.Version);
            studio.Update(name, address, phone, days);
        }
        else
        {
            studio = DeputyStudio.Create(name, address, phone, days);
            db.DeputyStudios.Add(studio);
        }

        await SaveAsync(db, ct).ConfigureAwait(false);
        audit.Record(actor, studioId is null ? "reception.studio.create" : "reception.studio.update", studio.Id);
        return studio.Id;
    }

    private static void RequireVersion(int stored, int seen)
    {
        if (stored != seen)
            throw new ConcurrentEditException();
    }

    private static async Task SaveAsync(PortalDbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
        }
        catch (DbUpdateConcurrencyException ex)
        {
            throw new ConcurrentEditException(ConcurrentEditException.DefaultMessage, ex);
        }
    }
}

/// <summary>The host form (新增 / 编辑接访人).</summary>
public sealed class HostInput
{
    public string? Name { get; set; }

    public string? Post { get; set; }

    public string? Responsibilities { get; set; }

    public ReceptionHostKind? Kind { get; set; }

    public int RequiredReceptionsPerYear { get; set; }

    public int RequiredVisitsPerYear { get; set; }

    /// <summary>The version the form was loaded from; saving over a newer one is refused.</summary>
    public int Version { get; set; }

    public static HostInput From(HostView host)
    {
        ArgumentNullException.ThrowIfNull(host);
        return new()
        {
            Name = host.Name, Post = host.Post, Responsibilities = host.Responsibilities, Kind = host.Kind,
            RequiredReceptionsPerYear = host.RequiredReceptionsPerYear, RequiredVisitsPerYear = host.RequiredVisitsPerYear, Version = host.Version,
        };
    }
}

/// <summary>The studio form (新增 / 编辑党代表工作室).</summary>
public sealed class StudioInput
{
    public string? Name { get; set; }

    public string? Address { get; set; }

    public string? Phone { get; set; }

    public string? ReceptionDays { get; set; }

    /// <summary>The version the form was loaded from; saving over a newer one is refused.</summary>
    public int Version { get; set; }

    public static StudioInput From(StudioView studio)
    {
        ArgumentNullException.ThrowIfNull(studio);
        return new() { Name = studio.Name, Address = studio.Address, Phone = studio.Phone, ReceptionDays = studio.ReceptionDays, Version = studio.Version };
    }
}
