DROP INDEX "pub_cam_acc_hour";--> statement-breakpoint
DROP INDEX "pub_cam_acc_reason_hour";--> statement-breakpoint
DROP INDEX "pub_cam_acc_agency_hour";--> statement-breakpoint
DROP INDEX "pub_cam_acc_place_hour";--> statement-breakpoint
DROP INDEX "pub_cam_acc_case_hour";