package main

import (
	"context"
	"crypto/rand"
	"encoding/base64"
	"errors"
	"flag"
	"fmt"
	"io"
	"text/tabwriter"

	"chibo/backend/serverstore"
)

func userCmd(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		return errors.New("user: add, list, assign, grant, disable, enable or passwd")
	}
	sub, args := args[0], args[1:]
	fs := flag.NewFlagSet("user "+sub, flag.ContinueOnError)
	fs.SetOutput(stderr)
	data := dataFlag(fs)
	username := fs.String("username", "", "login name")
	role := fs.String("role", "", "role")
	area := fs.String("area", "", "area (tiểu khu), by name or id")
	commune := fs.String("commune", "", "commune, by name or id")
	committee := fs.String("committee", "", "the commune committee the role is held in (a unit, by name or id); none for the top committee")
	name := fs.String("name", "", "display name")
	password := fs.String("password", "", "password (default: a random one, printed)")
	clear := fs.Bool("clear", false, "user grant: remove every grant")
	pos, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	if *username == "" && len(pos) > 0 {
		*username = pos[0]
	}
	st, err := data.open()
	if err != nil {
		return err
	}
	defer st.Close()
	// assignment reads the role's flags into u.
	assignment := func(u *serverstore.User) error {
		u.Role = *role
		if *area != "" {
			if u.AreaID, err = st.FindByName(ctx, "area", *area); err != nil {
				return fmt.Errorf("area %q: %w", *area, err)
			}
		}
		if *commune != "" {
			if u.CommuneID, err = st.FindByName(ctx, "commune", *commune); err != nil {
				return fmt.Errorf("commune %q: %w", *commune, err)
			}
		}
		if *committee != "" {
			if u.CommitteeID, err = st.FindByName(ctx, "unit", *committee); err != nil {
				return fmt.Errorf("committee %q: %w", *committee, err)
			}
		}
		return nil
	}
	switch sub {
	case "add":
		u := serverstore.User{Username: *username, DisplayName: *name}
		if err := assignment(&u); err != nil {
			return err
		}
		pw, generated := passwordOrRandom(*password)
		if u, err = st.AddUser(ctx, u, pw); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "added user %s (%s, id %s)\n", u.Username, u.Role, u.ID)
		if generated {
			fmt.Fprintf(stdout, "password: %s\n", pw)
		}
		return nil
	case "list":
		us, err := st.ListUsers(ctx)
		if err != nil {
			return err
		}
		tw := tabwriter.NewWriter(stdout, 0, 0, 2, ' ', 0)
		fmt.Fprintln(tw, "USERNAME\tROLE\tCOMMITTEE\tAREA\tCOMMUNE\tDISABLED\tNAME")
		for _, u := range us {
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%v\t%s\n", u.Username, u.Role, u.CommitteeID, u.AreaID, u.CommuneID, u.Disabled, u.DisplayName)
			for _, g := range u.Grants {
				fmt.Fprintf(tw, "\t+ %s\t%s\t%s\t%s\t\t\n", g.Role, g.CommitteeID, g.AreaID, g.CommuneID)
			}
		}
		return tw.Flush()
	case "disable", "enable":
		if *username == "" {
			return fmt.Errorf("user %s USERNAME", sub)
		}
		if err := st.SetDisabled(ctx, *username, sub == "disable"); err != nil {
			return fmt.Errorf("user %s: %w", *username, err)
		}
		fmt.Fprintf(stdout, "user %s %sd\n", *username, sub)
		return nil
	case "assign":
		if *username == "" {
			return errors.New("user assign USERNAME --role ROLE [--committee C] [--area A] [--commune C]")
		}
		u := serverstore.User{Username: *username}
		if err := assignment(&u); err != nil {
			return err
		}
		if err := st.Assign(ctx, u); err != nil {
			return fmt.Errorf("user %s: %w", *username, err)
		}
		fmt.Fprintf(stdout, "user %s is now %s; its desktops resync their scope at the next sync\n", *username, u.Role)
		return nil
	case "grant":
		if *username == "" {
			return errors.New("user grant USERNAME --role ROLE [--committee C] [--area A] [--commune C] | user grant USERNAME --clear")
		}
		if *clear {
			if err := st.ClearGrants(ctx, *username); err != nil {
				return fmt.Errorf("user %s: %w", *username, err)
			}
			fmt.Fprintf(stdout, "user %s holds only its own role now; its desktops resync at the next sync\n", *username)
			return nil
		}
		u := serverstore.User{Username: *username}
		if err := assignment(&u); err != nil {
			return err
		}
		if err := st.AddGrant(ctx, u); err != nil {
			return fmt.Errorf("user %s: %w", *username, err)
		}
		fmt.Fprintf(stdout, "user %s also holds %s now; its desktops resync at the next sync\n", *username, u.Role)
		return nil
	case "passwd":
		if *username == "" {
			return errors.New("user passwd USERNAME [--password P]")
		}
		pw, generated := passwordOrRandom(*password)
		if err := st.SetPassword(ctx, *username, pw); err != nil {
			return fmt.Errorf("user %s: %w", *username, err)
		}
		fmt.Fprintf(stdout, "password of %s changed\n", *username)
		if generated {
			fmt.Fprintf(stdout, "password: %s\n", pw)
		}
		return nil
	}
	return fmt.Errorf("unknown user command %q", sub)
}

func passwordOrRandom(pw string) (string, bool) {
	if pw != "" {
		return pw, false
	}
	b := make([]byte, 12)
	rand.Read(b)
	return base64.RawURLEncoding.EncodeToString(b), true
}

func deviceCmd(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		return errors.New("device: list or revoke")
	}
	sub, args := args[0], args[1:]
	fs := flag.NewFlagSet("device "+sub, flag.ContinueOnError)
	fs.SetOutput(stderr)
	data := dataFlag(fs)
	user := fs.String("user", "", "only this user's devices")
	pos, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	st, err := data.open()
	if err != nil {
		return err
	}
	defer st.Close()
	switch sub {
	case "list":
		ds, err := st.ListDevices(ctx, *user)
		if err != nil {
			return err
		}
		tw := tabwriter.NewWriter(stdout, 0, 0, 2, ' ', 0)
		fmt.Fprintln(tw, "DEVICE\tUSER\tNAME\tLAST SEQ\tLAST SEEN\tREVOKED")
		for _, d := range ds {
			fmt.Fprintf(tw, "%s\t%s\t%s\t%d\t%s\t%s\n", d.ID, d.Username, d.Name, d.LastSeq, d.LastSeenAt, d.RevokedAt)
		}
		return tw.Flush()
	case "revoke":
		if len(pos) != 1 {
			return errors.New("device revoke DEVICE-ID")
		}
		if err := st.RevokeDevice(ctx, pos[0]); err != nil {
			return fmt.Errorf("device %s: %w", pos[0], err)
		}
		fmt.Fprintf(stdout, "device %s revoked\n", pos[0])
		return nil
	}
	return fmt.Errorf("unknown device command %q", sub)
}

// parseInterspersed parses flags placed before or after positional arguments
// ("user disable lan --data d" as well as "user disable --data d lan").
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		if fs.NArg() == 0 {
			return pos, nil
		}
		pos = append(pos, fs.Arg(0))
		args = fs.Args()[1:]
	}
}
