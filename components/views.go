package components

// The view models of the shared pieces. Boards' data helpers (scoreboards/...) fill them from
// a hub snapshot; the templ components only lay them out. Every string is display-ready:
// translated, formatted, and plain text unless its name ends in HTML (allow-listed by Rich).

// PageMeta is what every board page needs around its content.
type PageMeta struct {
	Title   string
	Lang    string
	Theme   string  // "dark" or "light"
	Size    float64 // font scale chosen by the viewer, 1 = fit the screen
	Overlay bool    // OBS overlay: transparent page
	Safe    float64 // an overlay's margin on each side, in percent of the frame
	// Stylesheets are the board's own, after css/board.css (static paths: "css/overlay.css").
	Stylesheets []string
	// Scripts are the board's own, loaded once with the page (static paths: "js/pager.js").
	Scripts []string
	SSEURL  string            // the page's one event stream; "" = none (documents)
	URLs    map[string]string // fragment name → URL htmx fetches it from
	// ServerMS is the server's time (Unix ms) at render: the page's first estimate of its
	// clock's offset from the server.
	ServerMS int64
	Link     LinkView
}

// LinkView is the OWLCMS connection marker of a board page.
type LinkView struct {
	Down bool   // OWLCMS is not connected (and this is not the demo)
	Text string // what the marker says, in the viewer's language
	URL  string // where htmx refreshes it from; "" = no marker
}

// AttemptBarView is the band on top of a board: who lifts, what, and the clock or lights.
type AttemptBarView struct {
	Mode        string // OWLCMS's board mode (WAIT, CURRENT_ATHLETE, INTERRUPTION...), for styling
	Waiting     bool   // no session on this platform: show Message (competition name + waiting)
	Break       bool   // a break: FullName holds the break's message
	StartNumber string // "" during breaks
	FullName    string
	Team        string
	FlagURL     string
	AttemptHTML string // "3<sup>rd</sup> att." or "Snatch #2"
	Weight      string // "170"
	KgSymbol    string // " kg" in the viewer's language
	Category    string
	SessionLine string // "Session M1 – Snatch – 10 attempts done."
	IfGood      string // "If good: rank 2 in the total", beside the session line; "" for none
	Message     string // waiting screen text
	Slot        SlotView
	Record      *RecordFlagView // a record attempt or a new record on stage; nil when none
}

// RecordFlagView says that the attempt on stage attacks records ("attempt") or has just set
// them ("new"), and which: "Lakeside Regional SR 58 Snatch 94 kg" (the standing record for
// an attempt, the new one once set).
type RecordFlagView struct {
	Kind    string // "attempt" or "new"
	Label   string // "Record Attempt" / "New Record!"
	Records []string
}

// SlotView is the fixed slot at the right of the attempt bar: exactly one of the athlete
// clock, the break clock, a stop sign, the decision lights or the down signal (or nothing),
// and possibly a Hold over it.
type SlotView struct {
	Kind        string // "clock", "break", "stop", "lights", "down" or ""
	Text        string // "1:00"
	Label       string // what a stop sign or the lights mean ("Jury Deliberation", "Good lift"), for screen readers
	RemainingMS int64  // at AnchorMS
	AnchorMS    int64  // server time (Unix ms) the remaining time was measured at
	Running     bool
	Warning     string   // "", "initial" (90 s on a two-minute clock) or "final" (30 s), at AnchorMS
	InitialMS   int64    // warning thresholds the page applies while the clock runs; 0 = none
	FinalMS     int64    //
	Lights      []string // "good", "bad" or "" per referee (one light for a single referee)
	Hold        *HoldView
}

// HoldView is a signal laid over the slot until a given server time, even if the next event
// replaces what is under it: the down arrow (held a moment before the lights), a jury decision.
// The page's script drops it at UntilMS by itself, so it needs no event to go away.
type HoldView struct {
	Kind    string   // "down" or "jury"
	Label   string   // "Jury REVERSAL"
	Lights  []string // the jury's decision
	Verdict string   // what those lights say, for screen readers ("No lift")
	UntilMS int64    // server time (Unix ms); 0: until the next event (a jury still deliberating)
}

// GridView is the athlete table of the standard boards.
type GridView struct {
	Labels  GridLabels
	Columns GridColumns
	Rows    []GridRow
	RankLbl string // header of the rank column
	RankSub string // under RankLbl when set: which rank (rankings says what it sorted by)
	Empty   string // shown instead of the table when there are no athletes
}

// GridLabels are the translated column headers.
type GridLabels struct {
	Start, Name, Category, Born, Team, Custom1, Custom2 string
	SnatchHTML, CleanJerkHTML, Total, Rank, Best        string
	Sinclair                                            string
}

// GridColumns are the optional columns the competition enables.
type GridColumns struct {
	LiftRanks    bool // snatch and C&J rank after each lift's best
	Sinclair     bool
	SinclairRank bool
	Custom1      bool
	Custom2      bool
	Born         bool
	// NoLifter drops the start, name and team columns: a strip under the attempt bar, which
	// already names the lifter and the team.
	NoLifter bool
	// RankGroups make a multi-rank board: the age groups the session's athletes are ranked in
	// ("SR", "JR"), with a rank column for each wherever the grid shows a rank.
	RankGroups []string
}

// GridRow is one line: an athlete or a category spacer.
type GridRow struct {
	Spacer      bool
	Current     bool // lifting now: start and name blink
	Next        bool
	Start       string
	Name        string
	Category    string
	Born        string
	Custom1     string
	Custom2     string
	FlagURL     string
	Team        string
	Snatch      [3]Cell
	BestSnatch  string
	SnatchRank  string
	CleanJerk   [3]Cell
	BestCJ      string
	CJRank      string
	Total       string
	Rank        string
	Sinclair    string
	SinclairRnk string
	// GroupRanks are the athlete's snatch, clean & jerk and total ranks in each of the
	// grid's RankGroups ("" where not ranked).
	GroupRanks [][3]string
}

// Cell is one attempt: its text ("130", "(130)" failed, "-" empty) and OWLCMS's status
// class: good, bad, current, next, request or empty.
type Cell struct {
	Text   string
	Status string
}

// LeadersView is the top three of the current category across sessions.
type LeadersView struct {
	Title string // "Leaders: SM 89"
	Rows  []GridRow
}

// RecordsView is the records table for the current athlete's category.
type RecordsView struct {
	Title      string
	Categories []string
	Lift       [3]string // "S", "CJ", "T"
	Rows       []RecordsRow
	Attempt    string // "Record attempt" / "New record!" banner, "" when none
	New        bool
}

// RecordsRow is one federation's records: per category, three cells.
type RecordsRow struct {
	Name  string
	Cells [][3]RecordCell
}

// RecordCell is one record value, highlighted when the current request would break it.
type RecordCell struct {
	Value     string
	Highlight bool
}
