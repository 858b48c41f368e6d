package syncclient_test

import (
	"testing"
	"time"
)

func nowFor(t *testing.T) time.Time { return time.Now() }

func time32(i int) time.Duration { return time.Duration(i) * time.Millisecond }
