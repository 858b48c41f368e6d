// Package hlc implements a hybrid logical clock: physical milliseconds plus a counter plus
// a node id. Timestamps order every event in the system totally, stay monotonic on one
// node when its wall clock jumps backwards, and stay close to real time.
package hlc

import (
	"fmt"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Timestamp is one reading of a clock. Its String form sorts as the timestamps do.
type Timestamp struct {
	Wall    int64  // Unix milliseconds
	Counter uint32 // orders events within one millisecond
	Node    string // breaks ties between nodes; a device id
}

// String renders t as "wall:counter:node" with fixed-width numbers, so that comparing two
// strings compares the timestamps.
func (t Timestamp) String() string {
	return fmt.Sprintf("%015d:%08x:%s", t.Wall, t.Counter, t.Node)
}

// IsZero reports whether t is the zero timestamp.
func (t Timestamp) IsZero() bool { return t.Wall == 0 && t.Counter == 0 && t.Node == "" }

// Compare returns -1, 0 or +1.
func (t Timestamp) Compare(u Timestamp) int {
	switch {
	case t.Wall != u.Wall:
		return cmp(t.Wall < u.Wall)
	case t.Counter != u.Counter:
		return cmp(t.Counter < u.Counter)
	default:
		return strings.Compare(t.Node, u.Node)
	}
}

func cmp(less bool) int {
	if less {
		return -1
	}
	return 1
}

// Parse reads a timestamp written by String.
func Parse(s string) (Timestamp, error) {
	parts := strings.SplitN(s, ":", 3)
	if len(parts) != 3 || len(parts[0]) != 15 || len(parts[1]) != 8 || !digits(parts[0], false) || !digits(parts[1], true) || !validNode(parts[2]) {
		return Timestamp{}, fmt.Errorf("hlc: malformed timestamp %q", s)
	}
	wall, err := strconv.ParseInt(parts[0], 10, 64)
	if err != nil {
		return Timestamp{}, fmt.Errorf("hlc: malformed wall time in %q", s)
	}
	c, err := strconv.ParseUint(parts[1], 16, 32)
	if err != nil {
		return Timestamp{}, fmt.Errorf("hlc: malformed counter in %q", s)
	}
	return Timestamp{Wall: wall, Counter: uint32(c), Node: parts[2]}, nil
}

// digits reports whether s is all decimal (or lowercase hex) digits: no sign, no space,
// so that text order stays time order.
func digits(s string, hex bool) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= '0' && c <= '9' || hex && c >= 'a' && c <= 'f') {
			return false
		}
	}
	return true
}

// validNode reports whether s can be a node id: 1–64 letters, digits, '-' or '_'.
func validNode(s string) bool {
	if s == "" || len(s) > 64 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_') {
			return false
		}
	}
	return true
}

// Clock issues timestamps for one node. It is safe for concurrent use.
type Clock struct {
	mu   sync.Mutex
	now  func() time.Time
	last Timestamp
}

// New returns a clock for node. now is the wall clock (time.Now in production; tests pass
// a fake that jumps). last is the greatest timestamp issued before a restart, so a clock
// restored from disk never goes backwards either.
func New(node string, now func() time.Time, last Timestamp) *Clock {
	if now == nil {
		now = time.Now
	}
	last.Node = node
	return &Clock{now: now, last: last}
}

// Now issues a timestamp greater than every one issued or received before.
func (c *Clock) Now() Timestamp {
	c.mu.Lock()
	defer c.mu.Unlock()
	phys := c.now().UnixMilli()
	if phys > c.last.Wall {
		c.last.Wall, c.last.Counter = phys, 0
	} else {
		c.last.Counter++ // the wall clock stood still or went back: count on
	}
	return c.last
}

// Observe advances the clock past a timestamp received from another node, so that the
// next local event orders after it.
func (c *Clock) Observe(t Timestamp) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if t.Wall > c.last.Wall || (t.Wall == c.last.Wall && t.Counter > c.last.Counter) {
		c.last.Wall, c.last.Counter = t.Wall, t.Counter
	}
}

// Last returns the greatest timestamp issued or observed.
func (c *Clock) Last() Timestamp {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.last
}
