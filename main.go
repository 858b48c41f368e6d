// Command chibo is the Chi Bộ desktop application: a Wails v2 window over the local store.
package main

import (
	"context"
	"embed"
	"fmt"
	"log"
	"os"

	"github.com/wailsapp/wails/v2"
	"github.com/wailsapp/wails/v2/pkg/options"
	"github.com/wailsapp/wails/v2/pkg/options/assetserver"

	"chibo/backend/appdir"
	"chibo/backend/store"
)

// assets is the built frontend (npm run build). frontend/dist/.gitkeep is committed so a
// fresh clone compiles before the frontend is built.
//
//go:embed all:frontend/dist
var assets embed.FS

func main() {
	// --db PATH, else $CHIBO_DB, else the user's config folder. The flag is read by hand
	// because Wails' dev and bindings builds parse their own flags (-assetdir, -devserver …)
	// from the same command line.
	dbPath, err := appdir.DBPath()
	if err != nil {
		fail(err)
	}
	st, err := store.Open(dbPath)
	if err != nil {
		fail(fmt.Errorf("open database %s: %w", dbPath, err))
	}
	log.Printf("Chi Bộ: database %s", dbPath)

	app := NewApp(st)
	if err := app.presetServer(os.Args[1:], os.Getenv("CHIBO_SERVER")); err != nil {
		fail(err)
	}

	err = wails.Run(&options.App{
		Title: "Chi Bộ",
		// Many offices work on 1366×768 laptops: the window fits their screen above the
		// taskbar, and the screens are laid out to stay usable down to the minimum.
		Width:     1280,
		Height:    720,
		MinWidth:  1024,
		MinHeight: 600,
		AssetServer: &assetserver.Options{
			Assets: assets,
		},
		BackgroundColour: &options.RGBA{R: 255, G: 255, B: 255, A: 255},
		OnStartup:        app.startup,
		OnShutdown: func(ctx context.Context) {
			app.shutdown(ctx) // stops background sync and closes the signed-in user's database
			if err := st.Close(); err != nil {
				log.Printf("close database: %v", err)
			}
		},
		Bind: []interface{}{
			app,
		},
		ErrorFormatter: func(err error) any {
			return app.formatError(err)
		},
	})
	if err != nil {
		fail(err)
	}
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "chibo:", err)
	os.Exit(1)
}
