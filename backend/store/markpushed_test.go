package store

import (
	"context"
	"fmt"
	"testing"

	"chibo/backend/domain"
)

// Acknowledgements marked many per statement still match each row by seq and change id,
// leave answered rows alone, and the batch after them is read past the last seq sent.
func TestMarkPushedInBulkMatchesSeqAndChangeID(t *testing.T) {
	ctx := context.Background()
	s := openSync(t)
	for i := 0; i < 700; i++ {
		if _, err := s.SaveArea(ctx, domain.Area{Name: fmt.Sprintf("Tiểu khu %d", i)}); err != nil {
			t.Fatal(err)
		}
	}
	pend, err := s.PendingChanges(ctx, 1000)
	if err != nil || len(pend) != 700 {
		t.Fatalf("%d pending, %v", len(pend), err)
	}
	var results []PushResult
	for i, c := range pend[:650] {
		id := c.ChangeID
		if i == 3 {
			id = "not-this-one" // must not mark row 3
		}
		results = append(results, PushResult{Seq: c.Seq, ChangeID: id, Status: StateAcked})
	}
	if err := s.MarkPushed(ctx, results); err != nil {
		t.Fatal(err)
	}
	left, _ := s.PendingChanges(ctx, 1000)
	if len(left) != 51 || left[0].Seq != pend[3].Seq || left[1].Seq != pend[650].Seq {
		t.Fatalf("left %d pending, first %d", len(left), left[0].Seq)
	}
	after, _ := s.PendingChangesAfter(ctx, pend[660].Seq, 1000, 0)
	if len(after) != 39 || after[0].Seq != pend[661].Seq {
		t.Fatalf("after: %d", len(after))
	}
	capped, _ := s.PendingChangesAfter(ctx, 0, 1000, 1)
	if len(capped) != 1 {
		t.Fatalf("a byte cap below one change still sends one: %d", len(capped))
	}
	// A second answer to an acknowledged row changes nothing.
	if err := s.MarkPushed(ctx, []PushResult{{Seq: pend[0].Seq, ChangeID: pend[0].ChangeID, Status: StateRefused, Code: "x", Reason: "y"}}); err != nil {
		t.Fatal(err)
	}
	var state string
	s.DB().QueryRow(`SELECT state FROM outbox WHERE seq = ?`, pend[0].Seq).Scan(&state)
	if state != StateAcked {
		t.Errorf("answered row became %s", state)
	}
}
