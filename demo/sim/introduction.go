package sim

import (
	"context"
	"time"

	"github.com/owlcms/tracker/demo"
	"github.com/owlcms/tracker/hub"
)

// introductionShown is how long the introduction of the athletes lasts (meet time).
const introductionShown = 30 * time.Second

// introduction is the introduction of the athletes at the start of the countdown to the first
// snatch (countdown long), as OWLCMS announces it: an update with the ceremony starting (the
// board mode is then CEREMONY, the countdown goes on), and one when it is done. Each update
// carries the break time left, as OWLCMS copies the last timer's.
func (s *simulation) introduction(ctx context.Context, p *demo.Platform, countdown time.Duration) bool {
	s.mu.Lock()
	p.UIEvent, p.BreakMillis = "CeremonyStarted", int(s.real(countdown).Milliseconds())
	s.sendUpdate(p, map[string]any{"ceremonyType": string(hub.CeremonyIntroduction), "ceremonyEventType": hub.CeremonyStarted,
		"mode": string(hub.ModeCeremony)})
	s.mu.Unlock()
	if !s.sleep(ctx, introductionShown) {
		return false
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	p.UIEvent, p.BreakMillis = "CeremonyDone", int(s.real(countdown-introductionShown).Milliseconds())
	s.sendUpdate(p, map[string]any{"ceremonyType": string(hub.CeremonyIntroduction), "ceremonyEventType": hub.CeremonyDone})
	return true
}
