DROP TABLE "pub_drone_breakdowns" CASCADE;--> statement-breakpoint
DROP TABLE "pub_drone_cells" CASCADE;--> statement-breakpoint
DROP TABLE "pub_drone_metrics" CASCADE;--> statement-breakpoint
DROP TABLE "pub_camera_breakdowns" CASCADE;--> statement-breakpoint
DROP TABLE "pub_camera_metrics" CASCADE;--> statement-breakpoint
DROP TABLE "pub_cso_breakdowns" CASCADE;--> statement-breakpoint
DROP TABLE "pub_cso_cells" CASCADE;--> statement-breakpoint
DROP TABLE "pub_cso_metrics" CASCADE;