namespace Portal.Data.Receptions;

/// <summary>党代表工作室: a deputy liaison studio with fixed reception days.</summary>
public sealed class DeputyStudio
{
    public const int MaxNameLength = 100;
    public const int MaxAddressLength = 200;
    public const int MaxPhoneLength = 30;
    public const int MaxReceptionDaysLength = 200;

    private DeputyStudio()
    {
    }

    public int Id { get; private set; }

    public string Name { get; private set; } = "";

    public string Address { get; private set; } = "";

    public string? Phone { get; private set; }

    /// <summary>The fixed reception days as announced, e.g. "每月第一个星期三上午".</summary>
    public string ReceptionDays { get; private set; } = "";

    /// <summary>Concurrency token: bumped by every edit.</summary>
    public int Version { get; private set; }

    public static DeputyStudio Create(string name, string address, string? phone, string receptionDays)
    {
        var studio = new DeputyStudio();
        studio.Update(name, address, phone, receptionDays);
        return studio;
    }

    public void Update(string name, string address, string? phone, string receptionDays)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(address);
        Name = name;
        Address = address;
        Phone = string.IsNullOrWhiteSpace(phone) ? null : phone;
        ReceptionDays = receptionDays ?? "";
        Version++;
    }
}
