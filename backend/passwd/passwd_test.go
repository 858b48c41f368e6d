package passwd

import (
	"errors"
	"testing"
)

func TestHashVerify(t *testing.T) {
	h, err := Hash("mật khẩu đúng", Fast)
	if err != nil {
		t.Fatal(err)
	}
	if err := Verify("mật khẩu đúng", h); err != nil {
		t.Errorf("right password: %v", err)
	}
	if err := Verify("mật khẩu sai", h); !errors.Is(err, ErrMismatch) {
		t.Errorf("wrong password: got %v, want ErrMismatch", err)
	}
	h2, _ := Hash("mật khẩu đúng", Fast)
	if h == h2 {
		t.Error("two hashes of one password are equal: the salt is not random")
	}
	for _, bad := range []string{"", "plain", "$argon2id$v=19$m=x$a$b", "$argon2i$v=19$m=1024,t=1,p=1$YWFh$YWFhYWFhYWFhYWFhYWFhYQ", "$argon2id$v=19$m=99999999,t=1,p=1$YWFh$YWFhYWFhYWFhYWFhYWFhYQ"} {
		if err := Verify("x", bad); err == nil || errors.Is(err, ErrMismatch) {
			t.Errorf("Verify(%q) = %v, want a format error", bad, err)
		}
	}
}
