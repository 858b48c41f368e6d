package hlc

import (
	"sort"
	"testing"
	"time"
)

type fakeWall struct{ t time.Time }

func (f *fakeWall) now() time.Time { return f.t }

func TestClockMonotonicWhenWallClockJumpsBack(t *testing.T) {
	w := &fakeWall{t: time.Date(2026, 11, 27, 10, 0, 0, 0, time.UTC)}
	c := New("dev-a", w.now, Timestamp{})
	var issued []Timestamp
	steps := []time.Duration{0, time.Millisecond, 0, -time.Hour, -time.Hour, time.Second, -24 * time.Hour, 48 * time.Hour}
	for _, d := range steps {
		w.t = w.t.Add(d)
		issued = append(issued, c.Now())
	}
	for i := 1; i < len(issued); i++ {
		if issued[i].Compare(issued[i-1]) <= 0 {
			t.Fatalf("timestamp %d (%v) not after %d (%v)", i, issued[i], i-1, issued[i-1])
		}
		if issued[i].String() <= issued[i-1].String() {
			t.Fatalf("string order broken at %d: %s <= %s", i, issued[i], issued[i-1])
		}
	}
	// After the last jump forward the clock follows real time again.
	if got, want := issued[len(issued)-1].Wall, w.t.UnixMilli(); got != want {
		t.Errorf("after jump forward wall = %d, want %d", got, want)
	}
}

func TestClockRestartsAfterPersistedLast(t *testing.T) {
	w := &fakeWall{t: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)}
	before := Timestamp{Wall: w.t.Add(time.Hour).UnixMilli(), Counter: 7}
	c := New("dev-a", w.now, before)
	if got := c.Now(); got.Compare(Timestamp{Wall: before.Wall, Counter: before.Counter, Node: "dev-a"}) <= 0 {
		t.Fatalf("restarted clock issued %v, not after persisted %v", got, before)
	}
}

func TestObserveOrdersLocalEventsAfterRemote(t *testing.T) {
	w := &fakeWall{t: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)}
	c := New("dev-a", w.now, Timestamp{})
	remote := Timestamp{Wall: w.t.Add(time.Hour).UnixMilli(), Counter: 3, Node: "dev-b"}
	c.Observe(remote)
	if got := c.Now(); got.Compare(remote) <= 0 {
		t.Fatalf("local %v not after observed %v", got, remote)
	}
}

func TestParseRoundTripAndSortOrder(t *testing.T) {
	ts := []Timestamp{
		{Wall: 1, Counter: 0, Node: "b"},
		{Wall: 1, Counter: 0, Node: "a"},
		{Wall: 1, Counter: 255, Node: "a"},
		{Wall: 1700000000000, Counter: 16, Node: "z"},
		{Wall: 1700000000000, Counter: 2, Node: "z"},
	}
	strs := make([]string, len(ts))
	for i, x := range ts {
		strs[i] = x.String()
		back, err := Parse(strs[i])
		if err != nil || back != x {
			t.Fatalf("Parse(%q) = %v, %v; want %v", strs[i], back, err, x)
		}
	}
	sort.Slice(ts, func(i, j int) bool { return ts[i].Compare(ts[j]) < 0 })
	sort.Strings(strs)
	for i := range ts {
		if ts[i].String() != strs[i] {
			t.Fatalf("string order differs from timestamp order at %d: %s vs %s", i, ts[i], strs[i])
		}
	}
	for _, bad := range []string{"", "1:2:3", "abc:00000000:x", "000000000000001:zz:x"} {
		if _, err := Parse(bad); err == nil {
			t.Errorf("Parse(%q) accepted a malformed timestamp", bad)
		}
	}
}

// Parse takes only the text String writes, so a parsed timestamp's text is the one it was
// read from (the server stores a change's HLC as sent when it does not clamp it).
func FuzzParseAcceptsOnlyCanonicalText(f *testing.F) {
	for _, s := range []string{"001700000000000:0000000a:dev-a", "001700000000000:0000000A:dev-a", "+01700000000000:0000000a:dev-a",
		"001700000000000:000000a:dev-a", "001700000000000:0000000a:", "001700000000000:0000000a:a:b", " 01700000000000:0000000a:x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		ts, err := Parse(s)
		if err == nil && ts.String() != s {
			t.Fatalf("Parse(%q) accepted text that String writes as %q", s, ts.String())
		}
	})
}
