namespace Portal.Data.Receptions;

/// <summary>Who receives: a leading cadre (领导) or a deputy (党代表 / 人大代表). Values are stored: never reorder.</summary>
public enum ReceptionHostKind
{
    Leader = 1,
    Deputy = 2,
}

/// <summary>接访方式. Values are stored: never reorder.</summary>
public enum ReceptionMethod
{
    /// <summary>定点接访: at a fixed place, residents come.</summary>
    FixedPlace = 1,

    /// <summary>重点约访: by appointment with residents who have a case.</summary>
    ByAppointment = 2,

    /// <summary>带案下访: the host goes out with a case.</summary>
    VisitWithCase = 3,

    /// <summary>上门回访: home follow-up visit.</summary>
    HomeVisit = 4,

    /// <summary>网上接访: online.</summary>
    Online = 5,
}

/// <summary>Values are stored: never reorder.</summary>
public enum ReceptionSessionStatus
{
    Scheduled = 1,
    Cancelled = 2,
    Held = 3,
}

/// <summary>Values are stored: never reorder.</summary>
public enum AppointmentStatus
{
    Booked = 1,
    Cancelled = 2,
}
