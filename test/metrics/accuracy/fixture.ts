// Hand-made fixture; the expected counts are worked out by hand in the comments.
// q1 (category, batch b1): i1 gold cat: a cat ✓, b cat ✓, c dog ✗ · i2 gold dog: a dog ✓, b cat ✗, c cat ✗
//   · i3 gold cat: a cat ✓, b dog ✗ · i4 gold dog: a dog ✓, b dog ✓, c dog ✓            → 7 / 11
// q2 (ratings, batch b2): i1 gold 3: a 3 ✓, b 3.0 ✓ (same number), c 2 ✗ · i2 gold 1: a 1 ✓, b 2 ✗ → 3 / 5
// q3 (category, batch b1): no gold.  q4 (interval numbers, batch b3): i1 gold 0.5: a 0.5 ✓, b 0.75 ✗
export const FIXTURE = `item_id,annotator_id,question,batch_id,strategy,answer,gold
i1,a,q1,b1,instruction_tuning,cat,cat
i1,b,q1,b1,instruction_tuning,cat,cat
i1,c,q1,b1,instruction_tuning,dog,cat
i2,a,q1,b1,instruction_tuning,dog,dog
i2,b,q1,b1,instruction_tuning,cat,dog
i2,c,q1,b1,instruction_tuning,cat,dog
i3,a,q1,b1,instruction_tuning,cat,cat
i3,b,q1,b1,instruction_tuning,dog,cat
i4,a,q1,b1,instruction_tuning,dog,dog
i4,b,q1,b1,instruction_tuning,dog,dog
i4,c,q1,b1,instruction_tuning,dog,dog
i1,a,q2,b2,rlhf_preference,3,3
i1,b,q2,b2,rlhf_preference,3.0,3
i1,c,q2,b2,rlhf_preference,2,3
i2,a,q2,b2,rlhf_preference,1,1
i2,b,q2,b2,rlhf_preference,2,1
i1,a,q3,b1,instruction_tuning,x,
i1,b,q3,b1,instruction_tuning,y,
i1,a,q4,b3,vl_alignment,0.5,0.5
i1,b,q4,b3,vl_alignment,0.75,0.5
i2,a,q4,b3,vl_alignment,0.25,
`;
