package demo

// The invented people and definitions of the Lakeside Spring Open 2026. Nothing here comes from
// a real meet: names, clubs, birth dates, bodyweights, lifts and records are made up.

// teamDef is a club and its invented flag.
type teamDef struct {
	name string
	flag flagDesign
}

// teams are the seven clubs. "ALTO" is short on purpose (OWLCMS's shortTeam flag class);
// "Club Haltéro Rivière" has accents on purpose (UTF-16 hash, ZIP names, flag URLs).
var teams = []teamDef{
	{"Lakeside Barbell", flagDesign{"hstripes", []string{"#1f4e8c", "#ffffff", "#3fa34d"}}},
	{"Nordvik VK", flagDesign{"cross", []string{"#c8102e", "#f2f2f2"}}},
	{"Club Haltéro Rivière", flagDesign{"vstripes", []string{"#0b3d91", "#f5f5f5", "#2bb3c0"}}},
	{"Iron Harbor", flagDesign{"chevron", []string{"#22313f", "#e67e22", "#bdc3c7"}}},
	{"Sakura Lifting", flagDesign{"disc", []string{"#fdf6f0", "#e75480"}}},
	{"ALTO", flagDesign{"diagonal", []string{"#f1c40f", "#27ae60", "#ffffff"}}},
	{"Vistula WC", flagDesign{"hstripes", []string{"#ffffff", "#7d3c98", "#ffffff"}}},
}

// IWF bodyweight categories from 2025, in kg; 999 is the open (+) class.
var (
	womenCategories = []float64{48, 53, 58, 63, 69, 77, 86, 999}
	menCategories   = []float64{60, 65, 71, 79, 88, 94, 110, 999}
)

// ageGroupDef is one age group; its categories are the IWF ones for its gender.
type ageGroupDef struct {
	code         string
	gender       Gender
	minAge       int
	maxAge       int
	division     string
	championship string
	gendered     bool
}

var ageGroupDefs = []ageGroupDef{
	{"SR", Female, 15, 999, "IWF", "IWF", false},
	{"SR", Male, 15, 999, "IWF", "IWF", false},
	{"JR", Female, 15, 20, "IWF", "IWF", false},
	{"JR", Male, 15, 20, "IWF", "IWF", false},
	{"M35", Male, 35, 39, "MASTERS", "Masters", true},
}

// liftPlan is how an athlete's lift goes in the script: the opening declaration, an optional
// change of it, the jumps the coach asks for after good lifts, and the referees' decisions.
// After a miss the athlete repeats the weight (OWLCMS's automatic progression). The simulator
// can reuse plans for sessions that have not lifted yet.
type liftPlan struct {
	open    int    // first-attempt declaration, kg
	change  int    // first attempt after a change (change 1), 0 when unchanged
	jumps   [2]int // kg added after a good 1st and 2nd attempt; 0 takes the automatic +1
	results string // decisions per attempt: 'G' good lift, 'B' no lift
}

// entrant is one registered athlete before the meet starts.
type entrant struct {
	last, first string
	gender      Gender
	born        string // YYYY-MM-DD
	bodyWeight  float64
	team        string
	ageGroup    string  // main age group code
	category    float64 // upper bound of the main category, 999 for the open class
	session     string
	lot         int
	entryTotal  int
	snatch, cj  liftPlan
}

// entrants are the 28 athletes, grouped by session. Juniors and the masters athlete also rank
// in the senior category of their weight.
var entrants = []entrant{
	// A1: women 58 and 63.
	{"Marchand", "Aurélie", Female, "1998-03-14", 57.62, "Club Haltéro Rivière", "SR", 58, "A1", 11, 190,
		liftPlan{82, 0, [2]int{3, 2}, "GGB"}, liftPlan{102, 0, [2]int{4, 3}, "GBG"}},
	{"Tanabe", "Yuki", Female, "2001-07-02", 57.10, "Sakura Lifting", "SR", 58, "A1", 4, 196,
		liftPlan{85, 0, [2]int{3, 2}, "GBG"}, liftPlan{105, 0, [2]int{3, 3}, "GGG"}},
	{"Lindqvist", "Sofia", Female, "1996-11-23", 56.85, "Lakeside Barbell", "SR", 58, "A1", 17, 172,
		liftPlan{75, 0, [2]int{3, 2}, "GGG"}, liftPlan{95, 0, [2]int{4, 3}, "GGB"}},
	{"Kowalczyk", "Zofia", Female, "2007-05-30", 57.91, "Vistula WC", "JR", 58, "A1", 8, 175,
		liftPlan{76, 77, [2]int{2, 2}, "BGG"}, liftPlan{97, 0, [2]int{4, 2}, "GBB"}},
	{"Solberg", "Ingrid", Female, "1997-01-09", 62.40, "Nordvik VK", "SR", 63, "A1", 2, 210,
		liftPlan{90, 0, [2]int{3, 2}, "GGB"}, liftPlan{113, 0, [2]int{4, 3}, "GGB"}},
	{"Benedetti", "Chiara", Female, "1999-09-18", 62.75, "Lakeside Barbell", "SR", 63, "A1", 15, 205,
		liftPlan{88, 0, [2]int{3, 0}, "GBG"}, liftPlan{112, 0, [2]int{3, 2}, "GGB"}},
	{"Haddad", "Nadia", Female, "2000-04-05", 61.96, "Iron Harbor", "SR", 63, "A1", 9, 198,
		liftPlan{86, 0, [2]int{2, 2}, "BGG"}, liftPlan{108, 0, [2]int{4, 3}, "GBG"}},

	// A2: women 69 and 77 (not started).
	{"Holtet", "Maren", Female, "1995-06-21", 68.40, "Nordvik VK", "SR", 69, "A2", 6, 218,
		liftPlan{95, 0, [2]int{3, 2}, "GBG"}, liftPlan{118, 0, [2]int{4, 3}, "GGB"}},
	{"Dufresne", "Camille", Female, "1998-12-02", 67.85, "Club Haltéro Rivière", "SR", 69, "A2", 13, 212,
		liftPlan{93, 0, [2]int{2, 2}, "GGB"}, liftPlan{115, 0, [2]int{4, 2}, "BGG"}},
	{"Ferreira", "Lucia", Female, "2002-02-27", 68.90, "ALTO", "SR", 69, "A2", 3, 200,
		liftPlan{88, 0, [2]int{3, 2}, "GGG"}, liftPlan{110, 0, [2]int{3, 3}, "GBG"}},
	{"Mori", "Hana", Female, "2003-08-11", 66.72, "Sakura Lifting", "SR", 69, "A2", 19, 205,
		liftPlan{90, 0, [2]int{3, 3}, "BGB"}, liftPlan{112, 0, [2]int{4, 3}, "GGG"}},
	{"Wrona", "Agnieszka", Female, "1994-10-16", 76.30, "Vistula WC", "SR", 77, "A2", 7, 226,
		liftPlan{98, 0, [2]int{3, 3}, "GGB"}, liftPlan{122, 0, [2]int{4, 3}, "GBG"}},
	{"Carter", "Emily", Female, "1997-03-29", 75.88, "Iron Harbor", "SR", 77, "A2", 12, 220,
		liftPlan{96, 0, [2]int{2, 2}, "GBG"}, liftPlan{120, 0, [2]int{4, 3}, "GGB"}},
	{"Ortega", "Paula", Female, "2001-05-08", 74.95, "ALTO", "SR", 77, "A2", 1, 208,
		liftPlan{91, 0, [2]int{3, 2}, "GGG"}, liftPlan{114, 0, [2]int{3, 3}, "BGG"}},

	// B1: men 71 and 79, one junior.
	{"Watanabe", "Kenji", Male, "1999-04-12", 70.64, "Sakura Lifting", "SR", 71, "B1", 5, 300,
		liftPlan{133, 0, [2]int{3, 2}, "GGB"}, liftPlan{165, 0, [2]int{5, 3}, "GBG"}},
	{"Alvarez", "Mateo", Male, "2000-10-03", 70.88, "ALTO", "SR", 71, "B1", 14, 292,
		liftPlan{130, 0, [2]int{3, 3}, "GBG"}, liftPlan{160, 0, [2]int{4, 4}, "GGB"}},
	{"Eriksen", "Lars", Male, "1996-07-25", 70.12, "Nordvik VK", "SR", 71, "B1", 10, 285,
		liftPlan{126, 0, [2]int{3, 2}, "GGG"}, liftPlan{157, 0, [2]int{4, 3}, "GBB"}},
	{"Roussel", "Julien", Male, "1998-02-19", 70.95, "Club Haltéro Rivière", "SR", 71, "B1", 18, 278,
		liftPlan{124, 0, [2]int{2, 2}, "BGB"}, liftPlan{154, 0, [2]int{4, 3}, "GGG"}},
	{"Zieliński", "Tomasz", Male, "1997-11-07", 78.44, "Vistula WC", "SR", 79, "B1", 20, 320,
		liftPlan{142, 0, [2]int{3, 3}, "GBG"}, liftPlan{175, 0, [2]int{5, 4}, "GGB"}},
	{"Okafor", "Daniel", Male, "1995-05-28", 78.70, "Iron Harbor", "SR", 79, "B1", 16, 314,
		liftPlan{140, 142, [2]int{3, 2}, "GGB"}, liftPlan{172, 0, [2]int{4, 4}, "GBG"}},
	{"Sato", "Hiroshi", Male, "2006-09-14", 77.96, "Sakura Lifting", "JR", 79, "B1", 21, 296,
		liftPlan{131, 0, [2]int{3, 3}, "GGB"}, liftPlan{162, 0, [2]int{4, 3}, "GGB"}},

	// B2: men 88 and 94, one masters athlete (not started).
	{"Rinaldi", "Marco", Male, "1996-01-30", 87.55, "Lakeside Barbell", "SR", 88, "B2", 22, 335,
		liftPlan{150, 0, [2]int{4, 3}, "GGB"}, liftPlan{185, 0, [2]int{5, 4}, "GBG"}},
	{"Nowicki", "Paweł", Male, "1999-06-06", 87.10, "Vistula WC", "SR", 88, "B2", 25, 342,
		liftPlan{153, 0, [2]int{3, 3}, "GBG"}, liftPlan{189, 0, [2]int{5, 3}, "GGB"}},
	{"Brekke", "Olav", Male, "2001-03-15", 86.92, "Nordvik VK", "SR", 88, "B2", 27, 320,
		liftPlan{143, 0, [2]int{3, 2}, "GGG"}, liftPlan{177, 0, [2]int{4, 3}, "BGB"}},
	{"Whitaker", "Samuel", Male, "1989-08-22", 87.80, "Iron Harbor", "M35", 88, "B2", 23, 290,
		liftPlan{127, 0, [2]int{3, 2}, "GGB"}, liftPlan{158, 0, [2]int{4, 3}, "GBG"}},
	{"Morales", "Diego", Male, "1997-12-12", 93.40, "ALTO", "SR", 94, "B2", 26, 350,
		liftPlan{156, 0, [2]int{4, 3}, "GBG"}, liftPlan{192, 0, [2]int{5, 4}, "GGB"}},
	{"Lefèvre", "Antoine", Male, "1995-09-09", 93.85, "Club Haltéro Rivière", "SR", 94, "B2", 24, 338,
		liftPlan{151, 0, [2]int{3, 3}, "BGG"}, liftPlan{186, 0, [2]int{4, 3}, "GGB"}},
	{"Adeyemi", "Ben", Male, "2000-07-19", 92.70, "Lakeside Barbell", "SR", 94, "B2", 28, 330,
		liftPlan{147, 0, [2]int{3, 3}, "GGB"}, liftPlan{181, 0, [2]int{5, 3}, "GBG"}},
}

// sessionDef is one session and how far the demo script has taken it.
type sessionDef struct {
	name, platform, description string
	weighIn, start              string // "HH:MM" on the competition day
	firstSnatch, firstCJ        string // scheduled first lifts, "" when not scheduled yet
	snatchLifts, cjLifts        int    // lifts the script replays to reach the demo state
	done                        bool
	officials                   [11]string // see officialRoles
}

// officialRoles are the V2 session keys filled in for every session, in this order.
var officialRoles = [11]string{"announcer", "marshall", "timeKeeper", "technicalController",
	"referee1", "referee2", "referee3", "jury1", "jury2", "jury3", "weighIn1"}

// crew is the officials a platform keeps all day: at the desk the announcer, marshal,
// timekeeper and technical controller; its jury.
type crew struct {
	desk [4]string
	jury [3]string
}

// officials are a session's officials in officialRoles' order: the platform's crew, the
// session's referees and who weighed its athletes in.
func (c crew) officials(referees [3]string, weighIn string) [11]string {
	var o [11]string
	copy(o[:4], c.desk[:])
	copy(o[4:7], referees[:])
	copy(o[7:10], c.jury[:])
	o[10] = weighIn
	return o
}

var (
	crewA = crew{desk: [4]string{"Rosalind Achterberg", "Kofi Mensah-Lund", "Irene Vasquez", "Henrik Dalby"},
		jury: [3]string{"Alessandro Greco", "Brigitte Hallam", "Rune Skjelbred"}}
	crewB = crew{desk: [4]string{"Declan Moorcroft", "Sun-Hee Park", "Otto Brandvold", "Lucille Ferrand"},
		jury: [3]string{"Catalina Ruiz", "Walter Pringle", "Aiko Nishimura"}}
)

var sessionDefs = []sessionDef{
	{"A1", "A", "Women 58 & 63 kg", "09:00", "11:00", "11:10", "", 9, 0, false,
		crewA.officials([3]string{"Margot Villeneuve", "Tariq Benali", "Keiko Fujimura"}, "Irene Vasquez")},
	{"A2", "A", "Women 69 & 77 kg", "12:00", "14:00", "14:10", "", 0, 0, false,
		crewA.officials([3]string{"Priya Raman", "Gustavo Leal", "Elin Forsgren"}, "Priya Raman")},
	{"B1", "B", "Men 71 & 79 kg", "08:00", "10:00", "10:04", "10:56", 21, 10, false,
		crewB.officials([3]string{"Adebayo Cole", "Mirela Popescu", "Jonas Ekholm"}, "Sun-Hee Park")},
	{"B2", "B", "Men 88 & 94 kg", "11:30", "13:30", "13:40", "", 0, 0, false,
		crewB.officials([3]string{"Fatima Zahra Idrissi", "Niall Brennan", "Margot Villeneuve"}, "Niall Brennan")},
}

// recordDef is the regional record set of one category: snatch, clean & jerk and total, each
// with its (invented) holder.
type recordDef struct {
	ageGroup  string
	gender    Gender
	category  float64
	snatch    int
	cleanJerk int
	total     int
	holders   [3]string
	year      int
}

// The demo federation's record list.
const (
	recordName       = "Lakeside Regional"
	recordFederation = "LRWF"
	recordFile       = "LRWF_Regional_Records_2026"
)

var recordDefs = []recordDef{
	{"SR", Female, 58, 94, 118, 210, [3]string{"Gwendolyn Ashcombe", "Maelle Corbin", "Gwendolyn Ashcombe"}, 2024},
	{"JR", Female, 58, 84, 104, 186, [3]string{"Tereza Hlaváčková", "Tereza Hlaváčková", "Tereza Hlaváčková"}, 2025},
	{"SR", Female, 63, 98, 124, 220, [3]string{"Annika Sörensen", "Rebecca Okonjo", "Rebecca Okonjo"}, 2023},
	{"SR", Female, 69, 103, 129, 230, [3]string{"Lorena Castellví", "Lorena Castellví", "Lorena Castellví"}, 2025},
	{"SR", Female, 77, 107, 135, 240, [3]string{"Marit Kvalheim", "Delphine Aubry", "Marit Kvalheim"}, 2024},
	{"SR", Male, 71, 141, 172, 311, [3]string{"Ruslan Tevzadze", "Ji-ho Baek", "Ruslan Tevzadze"}, 2024},
	{"SR", Male, 79, 149, 182, 329, [3]string{"Emeka Nwachukwu", "Jaroslav Dvořák", "Jaroslav Dvořák"}, 2025},
	{"JR", Male, 79, 136, 168, 299, [3]string{"Felipe Arancibia", "Felipe Arancibia", "Felipe Arancibia"}, 2025},
	{"SR", Male, 88, 160, 196, 354, [3]string{"Stellan Hovde", "Ilario Mancuso", "Stellan Hovde"}, 2023},
	{"M35", Male, 88, 138, 170, 306, [3]string{"Gareth Polwarth", "Gareth Polwarth", "Gareth Polwarth"}, 2024},
	{"SR", Male, 94, 166, 203, 366, [3]string{"Bartosz Wilk", "Youssef Amrani", "Youssef Amrani"}, 2024},
}
