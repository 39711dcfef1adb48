CREATE INDEX "pub_cam_acc_case_op_hour" ON "pub_camera_accesses" USING btree ("linked_to_case","operation","hour");
