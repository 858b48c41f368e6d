package main

import (
	"bytes"
	"context"
	"encoding/json"
	"path/filepath"
	"testing"
)

func TestSeedDemoThenStatsPrintsTheArticleFigures(t *testing.T) {
	db := filepath.Join(t.TempDir(), "server.db")
	ctx := context.Background()
	var out, errb bytes.Buffer
	if err := run(ctx, []string{"seed-demo", "--db", db}, &out, &errb); err != nil {
		t.Fatalf("seed-demo: %v (%s)", err, errb.String())
	}
	out.Reset()
	if err := run(ctx, []string{"stats", "--db", db}, &out, &errb); err != nil {
		t.Fatalf("stats: %v", err)
	}
	var got map[string]int
	if err := json.Unmarshal(out.Bytes(), &got); err != nil {
		t.Fatalf("stats printed %q: %v", out.String(), err)
	}
	want := map[string]int{"communes": 27, "grassroots_committees": 30, "grassroots_cells": 46, "subordinate_cells": 462,
		"members": 7575, "religious_members": 780, "district_cadres": 27}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s = %d, want %d", k, got[k], v)
		}
	}
}

func TestCommandErrors(t *testing.T) {
	for _, args := range [][]string{{}, {"nope"}, {"stats"}, {"stats", "--bogus"}} {
		var out, errb bytes.Buffer
		if err := run(context.Background(), args, &out, &errb); err == nil {
			t.Errorf("run(%q) succeeded, want an error", args)
		}
	}
}
